package org.crmbackoffice.inventory.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.support.requestid.RequestIdFilter;
import org.crmbackoffice.support.security.Caller;
import org.slf4j.MDC;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of the GDPR requests served for each customer. */
@Component
class PrivacyRequests {

	static final String EXPORT = "export";

	static final String ERASURE = "erasure";

	private final JdbcTemplate jdbc;

	PrivacyRequests(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(UUID customerId, String kind, Caller caller, Instant at, String outcome) {
		this.jdbc.update("""
				insert into privacy_request (id, customer_id, kind, requested_by, client_id, request_id, requested_at,
				                             outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), customerId, kind, caller.subject(),
				caller.clientId(), MDC.get(RequestIdFilter.MDC_KEY), Timestamp.from(at), outcome);
	}

	/**
	 * @return the customer's requests, oldest first
	 */
	List<PrivacyRequest> of(UUID customerId) {
		return this.jdbc.query("""
				select kind, requested_by, client_id, request_id, requested_at, outcome from privacy_request
				where customer_id = ? order by requested_at, id""",
				(row, number) -> new PrivacyRequest(row.getString("kind"), row.getString("requested_by"),
						row.getString("client_id"), row.getString("request_id"),
						row.getTimestamp("requested_at").toInstant(), row.getString("outcome")),
				customerId);
	}

	/**
	 * One GDPR request as the inventory recorded it.
	 *
	 * @param kind {@value #EXPORT} or {@value #ERASURE}
	 * @param requestedBy the token subject of the caller: a user or a client
	 * @param requestId the {@code X-Request-ID} of the request, to find it in the logs
	 */
	record PrivacyRequest(String kind, String requestedBy, String clientId, String requestId, Instant requestedAt,
			String outcome) {
	}

}
