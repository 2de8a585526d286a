package org.crmbackoffice.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a database of its own on the test PostgreSQL server.
 * All contexts of one test JVM share that database, as they share the cached application
 * context.
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static TestDatabase database;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase db = sharedDatabase(context.getEnvironment().getProperty("spring.application.name", "service"));
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testPostgres", db.springProperties()));
	}

	private static synchronized TestDatabase sharedDatabase(String applicationName) {
		if (database == null) {
			database = TestPostgres.freshDatabaseForSpring(applicationName.replaceAll("[^a-z0-9]", "_"));
		}
		return database;
	}

}
