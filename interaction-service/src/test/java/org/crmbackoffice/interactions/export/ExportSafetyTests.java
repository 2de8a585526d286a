package org.crmbackoffice.interactions.export;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.crmbackoffice.interactions.export.ExportClient.Response;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmbackoffice.interactions.export.ExportClient.INTERACTIONS;
import static org.crmbackoffice.interactions.export.ExportFixtures.interaction;
import static org.crmbackoffice.interactions.export.ExportFixtures.log;

/**
 * Exports stay off the live service's back: with a replica configured (here the test
 * database itself, under another connection pool) they read there, and every export query
 * is cancelled once it runs longer than the export statement timeout.
 */
@ApiIntegrationTest
@TestPropertySource(
		properties = { "crm.export.statement-timeout=2s", "crm.export.datasource.url=${spring.datasource.url}",
				"crm.export.datasource.username=${spring.datasource.username}",
				"crm.export.datasource.password=${spring.datasource.password}" })
@DirtiesContext
class ExportSafetyTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

	@Test
	void readsFromTheReplicaAndCancelsAQueryThatOutrunsTheStatementTimeout() throws Exception {
		String party = "ind-" + UUID.randomUUID();
		String id = log(this.client, interaction(party, "on the replica", "billing", "2026-10-01T10:00:00Z", "phone"))
			.id();
		ExportClient exports = new ExportClient(this.port);

		Response served = exports.get(INTERACTIONS, Map.of("party", party));
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.ndjson()).extracting((row) -> row.get("id").asString()).containsExactly(id);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from pg_stat_activity where application_name = ? and datname = current_database()""",
				Integer.class, ExportDatabase.APPLICATION_NAME))
			.as("the export's connection belongs to the replica pool")
			.isPositive();

		Response timedOut;
		try (Connection locker = this.dataSource.getConnection(); Statement lock = locker.createStatement()) {
			locker.setAutoCommit(false);
			// A stand-in for a query that runs too long: the export waits for this lock
			// until its timeout ends it.
			lock.execute("lock table party_interaction in access exclusive mode");
			CompletableFuture<Response> export = CompletableFuture
				.supplyAsync(() -> exports.get(INTERACTIONS, Map.of("party", party)));
			// Without a statement timeout the export would wait for the lock as long as
			// this test holds it.
			timedOut = export.get(60, TimeUnit.SECONDS);
			locker.rollback();
		}
		assertThat(timedOut.status()).isEqualTo(503);
		assertThat(timedOut.header("Content-Type")).startsWith("application/problem+json");
		assertThat(timedOut.text()).contains("urn:crm-backoffice:problem:query-timeout");

		assertThat(exports.get(INTERACTIONS, Map.of("party", party)).status())
			.as("a cancelled export leaves the replica pool usable")
			.isEqualTo(200);
	}

}
