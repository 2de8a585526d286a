package org.crmbackoffice.testsupport;

import java.util.Map;

/** A database created for this test run, with what a client needs to connect to it. */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

	/**
	 * The properties that point a Spring context's data source at this database. Spring
	 * keeps many test contexts open at once, each with its pool, so a pool that waits
	 * shrinks to one connection: together they stay within PostgreSQL's default 100.
	 */
	public Map<String, Object> springProperties() {
		return Map.of("spring.datasource.url", this.jdbcUrl, "spring.datasource.username", this.username,
				"spring.datasource.password", this.password, "spring.datasource.hikari.minimum-idle", "1",
				"spring.datasource.hikari.idle-timeout", "10000");
	}

}
