package org.crmbackoffice.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the whole CRM back office on this machine with nothing installed but a JDK: an embedded PostgreSQL with
 * one database per service, the customer inventory and the interaction service, each migrated by Flyway and
 * given a little demo data. Ctrl-C stops the services gracefully and then the database; nothing is left running.
 * <p>
 * Ports come from the environment: {@code INVENTORY_PORT} (8082) and {@code INTERACTION_PORT} (8081).
 */
public final class LocalStack {

	static final String INVENTORY = "customer-inventory-service";

	static final String INTERACTION = "interaction-service";

	/** Flyway locations that add the demo data to the schema. */
	public static final String DEMO_DATA_LOCATIONS = "spring.flyway.locations=classpath:db/migration,classpath:db/demo";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final List<ServiceProcess> services = new ArrayList<>();

	private EmbeddedPostgres postgres;

	private volatile boolean stopping;

	public static void main(String[] args) throws Exception {
		LocalStack stack = new LocalStack();
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
		try {
			stack.start(servicesDirectory(), port("INVENTORY_PORT", 8082), port("INTERACTION_PORT", 8081));
		}
		catch (RuntimeException ex) {
			System.err.println("The local stack could not start: " + ex.getMessage());
			System.exit(1);
		}
		stack.awaitAnyServiceExit();
		if (!stack.stopping) {
			System.err.println("A service stopped unexpectedly; stopping the local stack.");
			System.exit(1);
		}
	}

	void start(Path servicesDirectory, int inventoryPort, int interactionPort)
			throws IOException, SQLException, InterruptedException {
		long started = System.nanoTime();
		this.postgres = EmbeddedPostgres.builder().start();
		createDatabases("customer_inventory", "interaction");

		ServiceProcess inventory = ServiceProcess.start(INVENTORY, servicesDirectory.resolve(INVENTORY + "-exec.jar"),
				inventoryPort, databaseProperties("customer_inventory"), prefixed("inventory  "));
		this.services.add(inventory);
		List<String> interactionProperties = new ArrayList<>(databaseProperties("interaction"));
		interactionProperties.add("spring.http.serviceclient.inventory.base-url=" + inventory.baseUrl());
		ServiceProcess interaction = ServiceProcess.start(INTERACTION,
				servicesDirectory.resolve(INTERACTION + "-exec.jar"), interactionPort, interactionProperties,
				prefixed("interaction"));
		this.services.add(interaction);

		inventory.awaitHealthy(START_TIMEOUT);
		interaction.awaitHealthy(START_TIMEOUT);
		printBanner(inventory, interaction, Duration.ofNanos(System.nanoTime() - started));
	}

	synchronized void stop() {
		this.stopping = true;
		for (ServiceProcess service : this.services) {
			service.stop(STOP_GRACE);
		}
		this.services.clear();
		if (this.postgres != null) {
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				System.err.println("The embedded PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
			this.postgres = null;
		}
	}

	private void awaitAnyServiceExit() throws InterruptedException {
		CountDownLatch exited = new CountDownLatch(1);
		for (ServiceProcess service : this.services) {
			ProcessHandle.of(service.pid()).ifPresent((handle) -> handle.onExit().thenRun(exited::countDown));
		}
		exited.await();
	}

	private void createDatabases(String... names) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String name : names) {
				statement.execute("CREATE DATABASE " + name);
			}
		}
	}

	private List<String> databaseProperties(String database) {
		return List.of("spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", database),
				"spring.datasource.username=postgres", "spring.datasource.password=", DEMO_DATA_LOCATIONS);
	}

	private static Consumer<String> prefixed(String label) {
		return (line) -> System.out.println(label + " | " + line);
	}

	private void printBanner(ServiceProcess inventory, ServiceProcess interaction, Duration took) {
		System.out.printf("""

				================================================================================
				 CRM back office is running (started in %d s). Ctrl-C stops everything.

				   Customer inventory (TMF629)   %s/swagger-ui.html
				   Party interactions (TMF683)   %s/swagger-ui.html
				   PostgreSQL (embedded)         %s  user postgres, databases customer_inventory, interaction

				 Demo customers: 0a1b2c3d-0000-4000-8000-000000000001 (Alice Martin)
				                 0a1b2c3d-0000-4000-8000-000000000002 (Northwind Traders Ltd)
				================================================================================

				""", took.toSeconds(), inventory.baseUrl(), interaction.baseUrl(),
				this.postgres.getJdbcUrl("postgres", "postgres"));
	}

	/** The service jars are copied beside the launcher jar by the build. */
	private static Path servicesDirectory() {
		Path launcher = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
			.toAbsolutePath();
		return launcher.getParent().resolve("services");
	}

	private static int port(String variable, int fallback) {
		String value = System.getenv(variable);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.trim());
	}

}
