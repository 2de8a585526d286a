package org.crmbackoffice.testsupport;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;

/**
 * Chooses the PostgreSQL server for this test JVM and hands out fresh databases on it,
 * dropped when the JVM ends. In order of preference:
 * <ol>
 * <li>the server named by {@value #URL_VARIABLE} (with {@value #USER_VARIABLE} and
 * {@value #PASSWORD_VARIABLE}), e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}:
 * its role must be allowed to create databases;</li>
 * <li>a Testcontainers PostgreSQL where a Docker engine answers;</li>
 * <li>an embedded PostgreSQL whose binaries come from Maven Central.</li>
 * </ol>
 * When none of them can be had the run fails with a message that says how to provide one.
 */
public final class TestPostgres {

	public static final String URL_VARIABLE = "TEST_POSTGRES_URL";

	public static final String USER_VARIABLE = "TEST_POSTGRES_USER";

	public static final String PASSWORD_VARIABLE = "TEST_POSTGRES_PASSWORD";

	static final String POSTGRES_IMAGE = "postgres:17-alpine";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	private static PostgresServer server;

	private static Runnable stopServer = () -> {
	};

	private static final List<String> created = new ArrayList<>();

	/**
	 * Whether Spring application contexts use the databases of this JVM: then Spring's
	 * shutdown drops them.
	 */
	private static volatile boolean usedBySpring;

	private TestPostgres() {
	}

	/**
	 * Creates a new, empty database for this test run.
	 * @param purpose a short lowercase word naming what the database is for, e.g.
	 * {@code inventory}
	 */
	public static synchronized TestDatabase freshDatabase(String purpose) {
		PostgresServer current = server();
		String name = "crm_test_" + purpose + "_" + LocalDateTime.now().format(STAMP) + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
		TestDatabase database = current.createDatabase(name);
		created.add(name);
		return database;
	}

	/**
	 * A new database for Spring application contexts. It is dropped only after Spring
	 * closed every context: a context still closing would otherwise find its database
	 * gone and wait for a connection until the test JVM is killed. Spring Boot runs its
	 * shutdown handlers once every context is closed.
	 */
	static synchronized TestDatabase freshDatabaseForSpring(String purpose) {
		if (!usedBySpring) {
			usedBySpring = true;
			SpringApplication.getShutdownHandlers().add(TestPostgres::cleanUp);
		}
		return freshDatabase(purpose);
	}

	private static PostgresServer server() {
		if (server == null) {
			server = chooseServer();
			System.out.println("Integration tests use PostgreSQL from " + server.description());
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				if (!usedBySpring) {
					cleanUp();
				}
			}, "test-postgres-cleanup"));
		}
		return server;
	}

	private static PostgresServer chooseServer() {
		String url = System.getenv(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			String user = System.getenv().getOrDefault(USER_VARIABLE, "postgres");
			return new PostgresServer(URL_VARIABLE + " (" + url + ")", url, user,
					System.getenv().getOrDefault(PASSWORD_VARIABLE, ""));
		}
		List<String> attempts = new ArrayList<>();
		try {
			if (DockerClientFactory.instance().isDockerAvailable()) {
				return startContainer();
			}
			attempts.add("no Docker engine answered, so Testcontainers cannot start PostgreSQL");
		}
		catch (RuntimeException ex) {
			attempts.add("Testcontainers failed: " + ex.getMessage());
		}
		try {
			return startEmbedded();
		}
		catch (IOException | RuntimeException ex) {
			attempts.add("the embedded PostgreSQL failed to start: " + ex.getMessage());
		}
		throw new IllegalStateException("""
				No PostgreSQL server for the integration tests (%s).
				Provide one of:
				  - a running PostgreSQL: export %s=jdbc:postgresql://127.0.0.1:5432/postgres \
				(and %s / %s if the role needs them; the role must be allowed to CREATE DATABASE)
				  - a running Docker engine, for Testcontainers
				""".formatted(String.join("; ", attempts), URL_VARIABLE, USER_VARIABLE, PASSWORD_VARIABLE));
	}

	private static PostgresServer startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
		container.start();
		stopServer = container::stop;
		return new PostgresServer("Testcontainers (" + POSTGRES_IMAGE + ")", container.getJdbcUrl(),
				container.getUsername(), container.getPassword());
	}

	private static PostgresServer startEmbedded() throws IOException {
		EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
		stopServer = () -> {
			try {
				embedded.close();
			}
			catch (IOException ex) {
				System.err.println("Embedded PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
		};
		return new PostgresServer("an embedded PostgreSQL on port " + embedded.getPort(),
				embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
	}

	private static synchronized void cleanUp() {
		for (String name : created) {
			try {
				server.dropDatabase(name);
			}
			catch (RuntimeException ex) {
				System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
			}
		}
		stopServer.run();
	}

}
