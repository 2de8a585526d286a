/**
 * Every error a client sees is an RFC 9457 problem with a stable type from
 * {@code ProblemType}.
 */
package org.crmbackoffice.support.problem;
