/**
 * What the OpenAPI documents of both services say beyond what the controllers declare:
 * the problem responses every operation can answer, the permission it needs, and the
 * success codes and headers of creates and deletes.
 */
package org.crmbackoffice.support.apidocs;
