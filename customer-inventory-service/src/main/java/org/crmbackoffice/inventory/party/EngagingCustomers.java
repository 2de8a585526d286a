package org.crmbackoffice.inventory.party;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The customers that engage a party, as far as the party feature needs to know them:
 * which party a business partner's customer record engages, and whether a party is still
 * engaged. Read from the customer table, so that customers may create parties without the
 * two features depending on each other both ways.
 */
@Component
class EngagingCustomers {

	private final JdbcTemplate jdbc;

	EngagingCustomers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The party a customer engages, if the inventory holds it. */
	Optional<UUID> partyOf(UUID customerId) {
		return this.jdbc
			.queryForList("select party_id from customer where id = ? and party_id is not null", UUID.class, customerId)
			.stream()
			.findFirst();
	}

	/** The customers still on the API that engage the party. */
	List<UUID> of(UUID partyId) {
		return this.jdbc.queryForList("select id from customer where party_id = ? and deleted_at is null order by id",
				UUID.class, partyId);
	}

	/** Keeps the name in the customers' refs to the party the same as the party's. */
	void renamed(UUID partyId, String name) {
		this.jdbc.update("update customer set engaged_party_name = ? where party_id = ? and erased_at is null", name,
				partyId);
	}

}
