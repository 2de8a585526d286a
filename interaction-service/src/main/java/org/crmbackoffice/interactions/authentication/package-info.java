/**
 * Authenticating the partner of an interaction: a partner proving who it is through the
 * API (its own token, or a one-time code an agent gave it), and agents recording a check
 * they made.
 */
package org.crmbackoffice.interactions.authentication;
