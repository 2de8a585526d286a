package org.crmbackoffice.support.migration;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * The tables every service has from service-support (the event hub, idempotency keys,
 * rate-limit budgets), migrated from {@code classpath:db/support} with a history of their
 * own, {@value #HISTORY_TABLE}, so their versions never collide with a service's.
 * <p>
 * They are migrated before the service's own {@code db/migration}, whose scripts may use
 * them (the interaction service renames event types in listeners' queries). Both
 * migrations baseline at version 0 on a schema that has tables but not their history,
 * which is how each finds the schema the other one started. Databases created before the
 * shared tables moved here hold them already, with their scripts recorded in the
 * service's history: the shared scripts create only what is missing, and the service
 * ignores the versions it no longer has ({@code spring.flyway.ignore-migration-patterns}
 * in the shared defaults).
 * <p>
 * Who migrates is {@code crm.migration.mode} ({@link MigrationProperties}): each instance
 * at start, or one release step before replicas that wait for it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Flyway.class)
@EnableConfigurationProperties(MigrationProperties.class)
public class SharedMigrations {

	public static final String LOCATION = "classpath:db/support";

	public static final String HISTORY_TABLE = "flyway_support_history";

	private static final Logger logger = LoggerFactory.getLogger(SharedMigrations.class);

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

	private static final Duration REPORT_INTERVAL = Duration.ofSeconds(30);

	@Bean
	FlywayMigrationStrategy sharedTablesFirst(MigrationProperties properties) {
		return (flyway) -> {
			switch (properties.mode()) {
				case MIGRATE -> {
					migrate(flyway.getConfiguration());
					flyway.migrate();
				}
				case WAIT -> awaitMigrated(flyway.getConfiguration(), properties.waitTimeout(), POLL_INTERVAL);
				case MIGRATE_AND_EXIT -> {
					migrate(flyway.getConfiguration());
					flyway.migrate();
					logger.info("Database migrated; ending the process (crm.migration.mode=migrate-and-exit)");
					// Nothing but the connection pool has started: no web server, no
					// scheduler, no dispatcher. An orderly exit would have to close a
					// context in the middle of its refresh, which waits for the refresh.
					Runtime.getRuntime().halt(0);
				}
			}
		};
	}

	/**
	 * Migrates the shared tables to their latest version, in the database and schemas of
	 * the given service configuration.
	 */
	public static void migrate(Configuration service) {
		shared(service).migrate();
	}

	/**
	 * Waits until another process has applied every shared and service migration this
	 * build carries, then validates the applied ones against it.
	 * @throws IllegalStateException when migrations are still pending after the timeout
	 */
	public static void awaitMigrated(Configuration service, Duration timeout, Duration pollInterval) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		long nextReport = started;
		List<String> pending = pending(service);
		while (!pending.isEmpty()) {
			long now = System.nanoTime();
			if (now - deadline > 0) {
				throw new IllegalStateException("The database was not migrated within " + timeout
						+ " (crm.migration.wait-timeout); still pending: " + String.join(", ", pending)
						+ ". Run the release's migration (crm.migration.mode=migrate-and-exit) first.");
			}
			if (now - nextReport >= 0) {
				logger.info("Waiting for the release's migration; pending: {}", String.join(", ", pending));
				nextReport = now + REPORT_INTERVAL.toNanos();
			}
			try {
				Thread.sleep(pollInterval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the database migration", ex);
			}
			pending = pending(service);
		}
		shared(service).validate();
		Flyway.configure().configuration(service).load().validate();
	}

	private static List<String> pending(Configuration service) {
		return Stream.concat(Arrays.stream(shared(service).info().pending()).map((info) -> "shared " + describe(info)),
				Arrays.stream(Flyway.configure().configuration(service).load().info().pending())
					.map(SharedMigrations::describe))
			.toList();
	}

	private static String describe(MigrationInfo migration) {
		return (migration.getVersion() != null) ? migration.getVersion() + " " + migration.getDescription()
				: "repeatable " + migration.getDescription();
	}

	private static Flyway shared(Configuration service) {
		return Flyway.configure()
			.configuration(service)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.target(MigrationVersion.LATEST)
			.load();
	}

}
