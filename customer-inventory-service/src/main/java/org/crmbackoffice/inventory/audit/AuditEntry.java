package org.crmbackoffice.inventory.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One access to a customer record, before it takes its place in a chain.
 *
 * @param roles the caller's roles, sorted and comma-separated
 * @param recordId the customer whose record was accessed
 * @param via the resource of the record it went through, e.g. {@code Agreement/<id>};
 * {@code null} for the customer itself
 * @param changes for writes, the fields that changed as a JSON array (see
 * {@link ChangeDiff})
 */
record AuditEntry(Instant occurredAt, String principal, String clientId, String roles, String operation, UUID recordId,
		String via, String requestId, String sourceAddress, String purpose, String changes) {
}
