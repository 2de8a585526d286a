package org.crmbackoffice.support.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.crmbackoffice.testsupport.TestDatabase;
import org.crmbackoffice.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shared tables' own migrations, on a new database and on one that a service created
 * when the shared scripts were still among its own.
 */
class SharedMigrationsTests {

	@Test
	void createsTheSharedTablesBeforeTheServiceMigratesFromVersionZero(@TempDir Path serviceScripts) throws Exception {
		TestDatabase database = TestPostgres.freshDatabase("shared_new");
		Files.writeString(serviceScripts.resolve("V1__listener_note.sql"),
				"alter table hub_listener add column note text;");
		Flyway service = serviceFlyway(database, serviceScripts);

		SharedMigrations.migrate(service.getConfiguration());
		service.migrate();

		JdbcTemplate jdbc = jdbc(database);
		assertThat(versions(jdbc, SharedMigrations.HISTORY_TABLE)).startsWith("1", "2", "3", "4");
		assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("0", "1");
		assertThat(jdbc.queryForList(
				"select column_name from information_schema.columns "
						+ "where table_name = 'hub_listener' and column_name in ('api_version', 'note') order by 1",
				String.class))
			.containsExactly("api_version", "note");
	}

	@Test
	void takesOverTablesAServiceCreatedWithItsOwnScriptsAndKeepsTheirRows(@TempDir Path oldScripts,
			@TempDir Path newScripts) throws Exception {
		TestDatabase database = TestPostgres.freshDatabase("shared_old");
		Files.writeString(oldScripts.resolve("V1__customer.sql"), "create table customer (id uuid primary key);");
		Files.writeString(oldScripts.resolve("V3__idempotency_key.sql"),
				"create table idempotency_key (caller varchar(200) not null, idempotency_key varchar(200) not null, "
						+ "request_hash varchar(64) not null, resource_id varchar(100) not null, "
						+ "created_at timestamptz not null, primary key (caller, idempotency_key));");
		serviceFlyway(database, oldScripts).migrate();
		JdbcTemplate jdbc = jdbc(database);
		jdbc.update("insert into idempotency_key values ('agent-7', 'key-1', 'hash', 'customer-1', now())");
		Files.writeString(newScripts.resolve("V1__customer.sql"), "create table customer (id uuid primary key);");
		Files.writeString(newScripts.resolve("V4__customer_name.sql"), "alter table customer add column name text;");
		Flyway upgraded = serviceFlyway(database, newScripts);

		SharedMigrations.migrate(upgraded.getConfiguration());
		upgraded.migrate();

		assertThat(versions(jdbc, SharedMigrations.HISTORY_TABLE)).startsWith("0", "1", "2", "3", "4");
		assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("1", "3", "4");
		assertThat(jdbc.queryForObject("select resource_id from idempotency_key where idempotency_key = 'key-1'",
				String.class))
			.isEqualTo("customer-1");
		assertThat(jdbc.queryForObject("select count(*) from hub_listener", Integer.class)).isZero();
	}

	@Test
	void aReplicaStartsOnceTheReleaseHasMigratedTheDatabase(@TempDir Path serviceScripts) throws Exception {
		TestDatabase database = TestPostgres.freshDatabase("shared_wait");
		Files.writeString(serviceScripts.resolve("V1__customer.sql"), "create table customer (id uuid primary key);");
		Flyway release = serviceFlyway(database, serviceScripts);
		CompletableFuture<Void> replica = CompletableFuture.runAsync(() -> SharedMigrations
			.awaitMigrated(release.getConfiguration(), Duration.ofSeconds(30), Duration.ofMillis(50)));

		Thread.sleep(300);
		assertThat(replica).isNotDone();
		SharedMigrations.migrate(release.getConfiguration());
		release.migrate();

		replica.get(10, TimeUnit.SECONDS);
		assertThat(versions(jdbc(database), "flyway_schema_history")).containsExactly("0", "1");
	}

	@Test
	void aReplicaGivesUpNamingWhatIsPendingWhenNoReleaseMigrates(@TempDir Path serviceScripts) throws Exception {
		TestDatabase database = TestPostgres.freshDatabase("shared_unmigrated");
		Files.writeString(serviceScripts.resolve("V1__customer.sql"), "create table customer (id uuid primary key);");
		Flyway service = serviceFlyway(database, serviceScripts);

		assertThatIllegalStateException()
			.isThrownBy(() -> SharedMigrations.awaitMigrated(service.getConfiguration(), Duration.ofMillis(200),
					Duration.ofMillis(50)))
			.withMessageContaining("not migrated within PT0.2S")
			.withMessageContaining("shared 1 ")
			.withMessageContaining("1 customer")
			.withMessageContaining("crm.migration.mode=migrate-and-exit");
		assertThat(jdbc(database).queryForObject(
				"select count(*) from information_schema.tables where table_name in ('customer', 'hub_listener')",
				Integer.class))
			.as("tables a waiting replica created")
			.isZero();
	}

	/** Configured as the shared defaults configure a service's Flyway. */
	private static Flyway serviceFlyway(TestDatabase database, Path scripts) {
		return Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.locations("filesystem:" + scripts)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.ignoreMigrationPatterns("*:missing")
			.load();
	}

	private static JdbcTemplate jdbc(TestDatabase database) {
		return new JdbcTemplate(
				new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
	}

	private static List<String> versions(JdbcTemplate jdbc, String history) {
		return jdbc.queryForList("select version from " + history + " where success order by installed_rank",
				String.class);
	}

}
