package org.crmbackoffice.inventory.customer;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs a {@link CustomerQuery} in SQL, because free-text search needs PostgreSQL's
 * trigram operators and a union across tables that JPA queries cannot express; the
 * customers themselves are then loaded through JPA.
 */
@Repository
class CustomerSearch {

	private final JdbcClient jdbc;

	CustomerSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<UUID> idsOf(CustomerQuery query, long offset, int limit) {
		return this.jdbc.sql(query.pageSql())
			.params(query.parameters())
			.param("limit", limit)
			.param("offset", offset)
			.query(UUID.class)
			.list();
	}

	long count(CustomerQuery query) {
		return this.jdbc.sql(query.countSql()).params(query.parameters()).query(Long.class).single();
	}

}
