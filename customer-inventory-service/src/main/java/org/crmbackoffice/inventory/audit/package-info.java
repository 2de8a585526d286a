/**
 * Customer inventory governance: the tamper-evident audit trail of every access to customer records, and the
 * usage, cost and unusual-access reports built on what the API serves.
 */
package org.crmbackoffice.inventory.audit;
