/**
 * A development OAuth2 and OpenID Connect authorization server: JWTs for the demo clients
 * of the local stack and docker compose by client credentials, and for the demo users who
 * sign in at its login page through the services' pages (authorization code with PKCE),
 * signed with a key made at start-up. Never for production, where any OIDC provider
 * issues the tokens.
 */
package org.crmbackoffice.devauth;
