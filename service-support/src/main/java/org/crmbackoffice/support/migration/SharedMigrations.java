package org.crmbackoffice.support.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
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
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Flyway.class)
public class SharedMigrations {

	public static final String LOCATION = "classpath:db/support";

	public static final String HISTORY_TABLE = "flyway_support_history";

	@Bean
	FlywayMigrationStrategy sharedTablesFirst() {
		return (flyway) -> {
			migrate(flyway.getConfiguration());
			flyway.migrate();
		};
	}

	/**
	 * Migrates the shared tables to their latest version, in the database and schemas of
	 * the given service configuration.
	 */
	public static void migrate(Configuration service) {
		Flyway.configure()
			.configuration(service)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.target(MigrationVersion.LATEST)
			.load()
			.migrate();
	}

}
