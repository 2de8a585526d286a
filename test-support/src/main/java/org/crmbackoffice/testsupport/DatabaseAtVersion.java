package org.crmbackoffice.testsupport;

import org.crmbackoffice.support.migration.SharedMigrations;
import org.flywaydb.core.Flyway;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Points a Spring test context at a fresh database migrated only up to an earlier schema
 * version (the shared tables at their latest) and filled the way the service stored its
 * data then; the service's own start-up migrates it the rest of the way. A test that
 * reads the data back through the API proves the migration kept it.
 */
public abstract class DatabaseAtVersion implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final String purpose;

	private final String version;

	/**
	 * @param purpose a short lowercase word naming the database, e.g.
	 * {@code inventory_migration}
	 * @param version the schema version to stop at, e.g. {@code 22}
	 */
	protected DatabaseAtVersion(String purpose, String version) {
		this.purpose = purpose;
		this.version = version;
	}

	/** Writes the rows the service would have written at that version. */
	protected abstract void fill(JdbcTemplate jdbc);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase database = TestPostgres.freshDatabase(this.purpose);
		Flyway service = Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.target(this.version)
			.load();
		SharedMigrations.migrate(service.getConfiguration());
		service.migrate();
		fill(new JdbcTemplate(
				new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password())));
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("databaseAtVersion" + this.version, database.springProperties()));
	}

}
