package org.crmbackoffice.inventory.agreement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves agreements from one customer to another, for a duplicate record merged into its survivor: the contracts
 * stay in force and are found on the surviving record. The caller checks permissions.
 */
@Component
public class AgreementTransfers {

	private final JdbcClient jdbc;

	AgreementTransfers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return how many agreements moved */
	@Transactional
	public int moveAll(UUID fromCustomer, UUID toCustomer, Instant now, String author) {
		// The customer of an agreement is fixed for its clients; only a merge re-points it, as one statement.
		return this.jdbc.sql("""
				update agreement set customer_id = :to, version = version + 1, updated_at = :now, updated_by = :author
				where customer_id = :from""")
			.param("to", toCustomer)
			.param("from", fromCustomer)
			.param("now", Timestamp.from(now))
			.param("author", author)
			.update();
	}

}
