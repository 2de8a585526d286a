/**
 * A development OAuth2 authorization server: client-credentials JWTs for the demo clients
 * of the local stack and docker compose, signed with a key made at start-up. Never for
 * production, where any OIDC provider issues the tokens.
 */
package org.crmbackoffice.devauth;
