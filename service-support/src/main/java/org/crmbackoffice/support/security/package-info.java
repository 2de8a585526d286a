/**
 * Who is calling and what they may do. Every service is an OAuth2 resource server: a
 * caller is identified by a JWT from the configured issuer, its roles (from a
 * configurable claim) become the permissions of the service's own
 * {@link org.crmbackoffice.support.security.RolePermissions} table, and the service's
 * {@link org.crmbackoffice.support.security.EndpointPermissions} say which permission
 * each endpoint needs.
 */
package org.crmbackoffice.support.security;
