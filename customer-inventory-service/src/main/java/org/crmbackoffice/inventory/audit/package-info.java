/**
 * Customer inventory governance (eTOM 1.3.16: access control and audit): the
 * tamper-evident audit trail of every access to customer records, the purpose callers
 * state, and the retention of read entries. Usage and cost reports are in {@code usage}.
 */
package org.crmbackoffice.inventory.audit;
