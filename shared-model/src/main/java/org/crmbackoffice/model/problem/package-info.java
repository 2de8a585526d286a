/**
 * The RFC 9457 problem types the services answer with, so clients can tell failures apart
 * by type.
 */
package org.crmbackoffice.model.problem;
