/**
 * Correlation of one client request across log lines and services: the
 * {@code X-Request-ID} header is accepted or generated, echoed, logged with every line,
 * and forwarded on calls to the other service.
 */
package org.crmbackoffice.support.requestid;
