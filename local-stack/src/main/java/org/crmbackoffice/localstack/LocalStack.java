package org.crmbackoffice.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the whole CRM back office on this machine with nothing installed but a JDK: an
 * embedded PostgreSQL with one database per service, the development authorization
 * server, the customer inventory and the interaction service, each migrated by Flyway and
 * given a little demo data. Ctrl-C stops the services gracefully and then the database;
 * nothing is left running.
 * <p>
 * Ports come from the environment: {@code INVENTORY_PORT} (8082),
 * {@code INTERACTION_PORT} (8081) and {@code AUTH_SERVER_PORT} (9000).
 */
public final class LocalStack {

	static final String INVENTORY = "customer-inventory-service";

	static final String INTERACTION = "interaction-service";

	static final String AUTH_SERVER = "dev-auth-server";

	/**
	 * Flyway locations that add the demo data to the schema, the event hub's included.
	 */
	public static final String DEMO_DATA_LOCATIONS = "spring.flyway.locations=classpath:db/migration,classpath:db/demo";

	/**
	 * The interaction service's development profile: with no SMS provider on this
	 * machine, SMS to partners are written to its log and recorded as logged, so
	 * demonstrations show them without claiming they were sent.
	 */
	static final String DEVELOPMENT_PROFILE = "spring.profiles.active=local";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final List<ServiceProcess> services = new ArrayList<>();

	private EmbeddedPostgres postgres;

	private volatile boolean stopping;

	public static void main(String[] args) throws Exception {
		LocalStack stack = new LocalStack();
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
		try {
			stack.start(servicesDirectory(), new Ports(port("INVENTORY_PORT", 8082), port("INTERACTION_PORT", 8081),
					port("AUTH_SERVER_PORT", 9000)));
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

	void start(Path servicesDirectory, Ports ports) throws IOException, SQLException, InterruptedException {
		long started = System.nanoTime();
		// Stopped by this launcher's own hook once the services are down; its hook would
		// race them.
		this.postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		createDatabases("customer_inventory", "interaction");

		ServiceProcess authServer = start(servicesDirectory, AUTH_SERVER, ports.authServer(),
				authServerProperties(ports.authServer(), ports.inventory(), ports.interaction()), "auth       ");
		String issuer = authServer.baseUrl();
		List<String> inventoryProperties = new ArrayList<>(serviceProperties("customer_inventory", issuer));
		inventoryProperties.addAll(inventoryClientProperties("http://localhost:" + ports.interaction(), issuer));
		ServiceProcess inventory = start(servicesDirectory, INVENTORY, ports.inventory(), inventoryProperties,
				"inventory  ");
		List<String> interactionProperties = new ArrayList<>(serviceProperties("interaction", issuer));
		interactionProperties.addAll(interactionClientProperties(inventory.baseUrl(), issuer));
		interactionProperties.add(DEVELOPMENT_PROFILE);
		ServiceProcess interaction = start(servicesDirectory, INTERACTION, ports.interaction(), interactionProperties,
				"interaction");

		for (ServiceProcess service : this.services) {
			service.awaitHealthy(START_TIMEOUT);
		}
		printBanner(authServer, inventory, interaction, Duration.ofNanos(System.nanoTime() - started));
	}

	synchronized void stop() {
		this.stopping = true;
		// The last started depends on the earlier ones, so it stops first.
		for (int i = this.services.size() - 1; i >= 0; i--) {
			this.services.get(i).stop(STOP_GRACE);
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

	/** What the authorization server needs to issue tokens the services trust. */
	public static List<String> authServerProperties(int port) {
		return List.of("spring.security.oauth2.authorizationserver.issuer=http://localhost:" + port);
	}

	/**
	 * As {@link #authServerProperties(int)}, and lets the pages of the services on these
	 * ports (Swagger UI, the report pages) ask for tokens from the browser, opened at
	 * {@code localhost} or {@code 127.0.0.1}.
	 */
	public static List<String> authServerProperties(int port, int... servicePorts) {
		List<String> properties = new ArrayList<>(authServerProperties(port));
		properties.add("crm.dev-auth.service-ports="
				+ Arrays.stream(servicePorts).mapToObj(Integer::toString).collect(Collectors.joining(",")));
		return properties;
	}

	/**
	 * What a service needs to trust the issuer's tokens and offer it in Swagger UI (by
	 * client credentials, and signing in as a person at its login page); on this machine,
	 * event listeners may also be local.
	 */
	public static List<String> securityProperties(String issuer) {
		return List.of("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
				"crm.openapi.token-url=" + issuer + "/oauth2/token",
				"crm.openapi.authorization-url=" + issuer + "/oauth2/authorize",
				"crm.hub.allow-private-callbacks=true");
	}

	/**
	 * Where the interaction service finds the inventory, and the token endpoint it
	 * authenticates with.
	 */
	public static List<String> interactionClientProperties(String inventoryUrl, String issuer) {
		return List.of("spring.http.serviceclient.inventory.base-url=" + inventoryUrl,
				"spring.security.oauth2.client.provider.crm.token-uri=" + issuer + "/oauth2/token");
	}

	/**
	 * Where the inventory finds the interaction service (for the 360 view), and its token
	 * endpoint.
	 */
	public static List<String> inventoryClientProperties(String interactionUrl, String issuer) {
		return List.of("spring.http.serviceclient.interactions.base-url=" + interactionUrl,
				"spring.security.oauth2.client.provider.crm.token-uri=" + issuer + "/oauth2/token");
	}

	private ServiceProcess start(Path directory, String name, int port, List<String> properties, String label) {
		ServiceProcess service = ServiceProcess.start(name, directory.resolve(name + "-exec.jar"), port, properties,
				prefixed(label));
		this.services.add(service);
		return service;
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

	private List<String> serviceProperties(String database, String issuer) {
		List<String> properties = new ArrayList<>(
				List.of("spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", database),
						"spring.datasource.username=postgres", "spring.datasource.password=", DEMO_DATA_LOCATIONS));
		properties.addAll(securityProperties(issuer));
		return properties;
	}

	private static Consumer<String> prefixed(String label) {
		return (line) -> System.out.println(label + " | " + line);
	}

	private void printBanner(ServiceProcess authServer, ServiceProcess inventory, ServiceProcess interaction,
			Duration took) {
		System.out.printf("""

				================================================================================
				 CRM back office is running (started in %d s). Ctrl-C stops everything.

				   Customer inventory (TMF629)   %s/swagger-ui.html
				   Party interactions (TMF683)   %s/swagger-ui.html
				   Authorization server (dev)    %s  clients: agent, supervisor, data-steward,
				                                 auditor, analyst, admin, partner, partner-northwind
				                                 (secret: <client>-secret)
				                                 users: agent, supervisor, data-steward, partner,
				                                 partner-northwind (password: <user>-password)
				   PostgreSQL (embedded)         %s  user postgres

				 A token:  curl -s -u agent:agent-secret -d grant_type=client_credentials \\
				             %s/oauth2/token
				 Demo customers: 0a1b2c3d-0000-4000-8000-000000000001 (Alice Martin)
				                 0a1b2c3d-0000-4000-8000-000000000002 (Northwind Traders Ltd)
				================================================================================

				""", took.toSeconds(), inventory.baseUrl(), interaction.baseUrl(), authServer.baseUrl(),
				this.postgres.getJdbcUrl("postgres", "postgres"), authServer.baseUrl());
	}

	/** The service jars are copied beside the launcher jar by the build. */
	private static Path servicesDirectory() {
		Path launcher = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
		return launcher.getParent().resolve("services");
	}

	private static int port(String variable, int fallback) {
		String value = System.getenv(variable);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.trim());
	}

	record Ports(int inventory, int interaction, int authServer) {
	}

}
