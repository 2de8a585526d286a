package org.crmbackoffice.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.event.Hub;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.support.hub.WebhookSignature;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services as the build ships them, killed with SIGKILL under load, and their
 * PostgreSQL stopped and started again under load: what was acknowledged survives, what
 * was read was audited, and an outage of the database is answered with 503 problems and
 * ends without restarting anything. The services run on a PostgreSQL of the test's own
 * (embedded), so that stopping it disturbs nobody else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashTests {

	private static final String INTERACTIONS = "/tmf-api/partyInteraction/v5/partyInteraction";

	private static final String CUSTOMERS = "/tmf-api/customerManagement/v5/customer";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static Path dataDirectory;

	private static int postgresPort;

	private static EmbeddedPostgres postgres;

	private static ServiceProcess authServer;

	private static ServiceProcess inventory;

	private static ServiceProcess interaction;

	private static int inventoryPort;

	private static int interactionPort;

	private static List<String> inventoryProperties;

	private static List<String> interactionProperties;

	@BeforeAll
	static void startTheStackOnItsOwnPostgres() throws Exception {
		dataDirectory = Files.createTempDirectory("crash-tests-postgres");
		postgresPort = StackParts.freePort();
		postgres = startPostgres();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database inventory");
			statement.execute("create database interaction");
		}
		int authPort = StackParts.freePort();
		authServer = ServiceProcess.start(LocalStack.AUTH_SERVER, StackParts.jarOf(LocalStack.AUTH_SERVER), authPort,
				LocalStack.authServerProperties(authPort), (line) -> System.out.println("auth        | " + line));
		String issuer = authServer.baseUrl();
		inventoryPort = StackParts.freePort();
		interactionPort = StackParts.freePort();
		inventoryProperties = new ArrayList<>(
				StackParts.serviceProperties(jdbcUrl("inventory"), "postgres", "", issuer));
		inventoryProperties.addAll(LocalStack.inventoryClientProperties("http://localhost:" + interactionPort, issuer));
		interactionProperties = new ArrayList<>(
				StackParts.serviceProperties(jdbcUrl("interaction"), "postgres", "", issuer));
		interactionProperties
			.addAll(LocalStack.interactionClientProperties("http://localhost:" + inventoryPort, issuer));
		inventory = startInventory();
		interaction = startInteraction();
		for (ServiceProcess service : List.of(authServer, inventory, interaction)) {
			service.awaitHealthy(Duration.ofMinutes(3));
		}
	}

	@AfterAll
	static void stopEverything() throws IOException {
		for (ServiceProcess service : new ServiceProcess[] { interaction, inventory, authServer }) {
			if (service != null) {
				service.stop(Duration.ofSeconds(20));
			}
		}
		if (postgres != null) {
			postgres.close();
		}
		if (dataDirectory != null) {
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
	}

	@Test
	@Order(1)
	void acknowledgedCreatesSurviveAKilledInteractionServiceAndReachTheListener() throws Exception {
		String admin = StackParts.tokenOf(authServer, "admin");
		String agent = StackParts.tokenOf(authServer, "agent");
		String party = "crash-" + UUID.randomUUID();
		try (WebhookReceiver listener = new WebhookReceiver()) {
			Hub hub = RestTestClient.bindToServer()
				.baseUrl(interaction.baseUrl())
				.build()
				.post()
				.uri("/tmf-api/partyInteraction/v5/hub")
				.headers((headers) -> headers.setBearerAuth(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.body(new HubRegistration(listener.url(),
						"event.partyInteraction.relatedParty.partyOrPartyRole.id=" + party))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Hub.class)
				.returnResult()
				.getResponseBody();

			Map<String, String> acknowledged = new ConcurrentHashMap<>();
			AtomicInteger retries = new AtomicInteger();
			ExecutorService clients = Executors.newFixedThreadPool(2);
			List<Future<?>> streams = new ArrayList<>();
			for (int client = 0; client < 2; client++) {
				streams.add(clients.submit(() -> {
					for (int i = 0; i < 30; i++) {
						String key = UUID.randomUUID().toString();
						acknowledged.put(key, createUntilAnswered(agent, key, party, retries));
					}
					return null;
				}));
			}
			await(() -> acknowledged.size() >= 15, Duration.ofMinutes(1), "15 acknowledged creates");
			interaction.kill();
			interaction = startInteraction();
			interaction.awaitHealthy(Duration.ofMinutes(2));
			for (Future<?> stream : streams) {
				stream.get(3, TimeUnit.MINUTES);
			}
			clients.shutdown();

			Map<String, Integer> rowsPerKey = countRows("interaction",
					"select substring(description from 'key ([0-9a-f-]+)') as key, count(*) from party_interaction"
							+ " where description like 'Crash test, key %' group by 1");
			Set<String> ids = new HashSet<>(acknowledged.values());
			await(() -> deliveredCreateEvents(listener, hub).keySet().containsAll(ids), Duration.ofMinutes(1),
					"a create event for each acknowledged interaction");
			Map<String, Integer> delivered = deliveredCreateEvents(listener, hub);
			System.out.printf(
					"crash: creates acknowledged %d, retries %d, rows %d, events delivered %d "
							+ "(%d interactions, %d delivered more than once)%n",
					acknowledged.size(), retries.get(), rowsPerKey.values().stream().mapToInt(Integer::intValue).sum(),
					delivered.values().stream().mapToInt(Integer::intValue).sum(), delivered.size(),
					delivered.values().stream().filter((count) -> count > 1).count());

			assertThat(acknowledged).hasSize(60);
			assertThat(ids).hasSize(60);
			assertThat(rowsPerKey).as("one interaction per Idempotency-Key").hasSize(60).allSatisfy((key, rows) -> {
				assertThat(acknowledged).containsKey(key);
				assertThat(rows).isEqualTo(1);
			});
			assertThat(delivered.keySet()).containsAll(ids);
		}
	}

	@Test
	@Order(2)
	void everyRecordReadBeforeAKilledInventoryHasItsAccessEntry() throws Exception {
		String agent = StackParts.tokenOf(authServer, "agent");
		List<String> customerIds = new ArrayList<>();
		for (JsonNode customer : json.readTree(send(agent, inventory.baseUrl() + CUSTOMERS + "?limit=50").body())) {
			customerIds.add(customer.get("id").asString());
		}
		assertThat(customerIds).isNotEmpty();
		List<String> answeredRequests = new CopyOnWriteArrayList<>();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService readers = Executors.newFixedThreadPool(3);
		List<Future<?>> streams = new ArrayList<>();
		for (int reader = 0; reader < 3; reader++) {
			streams.add(readers.submit(() -> {
				for (int i = 0; !killed.get(); i++) {
					String requestId = UUID.randomUUID().toString();
					try {
						HttpResponse<String> response = send(agent,
								inventory.baseUrl() + CUSTOMERS + "/" + customerIds.get(i % customerIds.size()),
								requestId);
						if (response.statusCode() == 200) {
							answeredRequests.add(requestId);
						}
					}
					catch (IOException ex) {
						// The inventory is gone; what it answered before is what counts.
					}
				}
				return null;
			}));
		}
		await(() -> answeredRequests.size() >= 150, Duration.ofMinutes(1), "150 records read");
		inventory.kill();
		killed.set(true);
		for (Future<?> stream : streams) {
			stream.get(1, TimeUnit.MINUTES);
		}
		readers.shutdown();

		Set<String> audited = new HashSet<>(countRows("inventory",
				"select request_id, count(*) from audit_entry where chain = 'access' group by request_id")
			.keySet());
		System.out.printf("crash: records returned before the kill %d, with their access entry %d%n",
				answeredRequests.size(), answeredRequests.stream().filter(audited::contains).count());
		assertThat(audited).containsAll(answeredRequests);

		inventory = startInventory();
		inventory.awaitHealthy(Duration.ofMinutes(2));
	}

	@Test
	@Order(3)
	void bothServicesAnswerProblemsWhileTheirDatabaseIsDownAndRecoverOnTheirOwn() throws Exception {
		String agent = StackParts.tokenOf(authServer, "agent");
		List<String> reads = List.of(inventory.baseUrl() + CUSTOMERS + "?limit=5",
				interaction.baseUrl() + INTERACTIONS + "?limit=5");
		List<Answer> answers = new CopyOnWriteArrayList<>();
		AtomicBoolean down = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		// Three clients per service, so that requests keep arriving while others wait for
		// a connection.
		ExecutorService clients = Executors.newFixedThreadPool(3 * reads.size());
		List<Future<?>> loads = new ArrayList<>();
		for (String read : reads) {
			for (int client = 0; client < 3; client++) {
				loads.add(clients.submit(() -> {
					while (!stop.get()) {
						long started = System.nanoTime();
						HttpResponse<String> response = send(agent, read);
						answers.add(new Answer(read, down.get(), response.statusCode(),
								response.headers().firstValue("Content-Type").orElse(""), response.body(),
								Duration.ofNanos(System.nanoTime() - started)));
						Thread.sleep(50);
					}
					return null;
				}));
			}
		}
		Thread.sleep(1_000);
		postgres.close();
		down.set(true);
		long stoppedAt = System.nanoTime();
		// Longer than the pool's connection timeout (5 s), so that requests waiting for a
		// connection are answered
		// while it is still down.
		Thread.sleep(8_000);
		down.set(false);
		postgres = startPostgres();
		long restartedAt = System.nanoTime();
		await(() -> reads.stream()
			.allMatch((read) -> answers.stream()
				.filter((answer) -> answer.url().equals(read) && !answer.whileDown())
				.reduce((first, second) -> second)
				.map((last) -> last.status() == 200)
				.orElse(false)), Duration.ofMinutes(1), "both services answering 200 again");
		long recoveredAt = System.nanoTime();
		stop.set(true);
		for (Future<?> load : loads) {
			load.get(1, TimeUnit.MINUTES);
		}
		clients.shutdown();

		List<Answer> duringOutage = answers.stream().filter(Answer::whileDown).toList();
		System.out.printf(
				"crash: database down %d ms; answers while down %d (%s), slowest %d ms; "
						+ "both services back %d ms after the database%n",
				(restartedAt - stoppedAt) / 1_000_000, duringOutage.size(),
				duringOutage.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting())),
				duringOutage.stream().mapToLong((answer) -> answer.took().toMillis()).max().orElse(0),
				(recoveredAt - restartedAt) / 1_000_000);
		assertThat(answers).noneSatisfy((answer) -> assertThat(answer.status()).isEqualTo(500));
		// No request hangs: the slowest wait for a connection (5 s) while PostgreSQL is
		// still starting again, which takes several seconds on a busy two-core machine.
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.took()).isLessThan(Duration.ofSeconds(20)));
		for (String read : reads) {
			assertThat(duringOutage).as("answers of %s while its database is down", read)
				.anySatisfy((answer) -> assertThat(answer.url()).isEqualTo(read));
		}
		assertThat(duringOutage).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(json.readTree(answer.body()).get("type").asString()).isIn(
					"urn:crm-backoffice:problem:database-unavailable", "urn:crm-backoffice:problem:audit-unavailable");
		});
	}

	private static String createUntilAnswered(String token, String key, String party, AtomicInteger retries)
			throws InterruptedException {
		String body = json.writeValueAsString(PartyInteractionCreate.of("Crash test, key " + key, "inbound",
				"order status", List.of(new RelatedChannel("contact", ChannelRef.named("chat"))),
				List.of(new RelatedPartyOrPartyRole("partner",
						new PartyRefOrPartyRoleRef(party, null, null, "Organization")))));
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + interactionPort + INTERACTIONS))
						.timeout(Duration.ofSeconds(10))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.header("Idempotency-Key", key)
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 201 || response.statusCode() == 200) {
					return json.readTree(response.body()).get("id").asString();
				}
				// 409: the same key is still being handled, so its result is to be asked
				// for again.
				assertThat(response.statusCode()).as(response.body())
					.matches((status) -> status == 409 || status >= 500);
			}
			catch (IOException ex) {
				// Killed or restarting: the client tries the same key again, as it was
				// never answered.
			}
			retries.incrementAndGet();
			Thread.sleep(200);
		}
		throw new AssertionError("The create with key " + key + " was never answered");
	}

	/**
	 * The interactions whose create event reached the listener with a valid signature,
	 * and how many times.
	 */
	private static Map<String, Integer> deliveredCreateEvents(WebhookReceiver listener, Hub hub) {
		Map<String, Integer> delivered = new ConcurrentHashMap<>();
		for (WebhookReceiver.Received received : listener.accepted()) {
			String expected = WebhookSignature.sign(hub.secret(), received.id(), Long.parseLong(received.timestamp()),
					received.body());
			assertThat(received.signature().split(" ")).as("signature of delivery %s", received.id())
				.contains(expected);
			JsonNode event = json.readTree(received.body());
			if (!event.get("eventType").asString().equals("PartyInteractionCreateEvent")) {
				continue;
			}
			delivered.merge(event.get("event").get("partyInteraction").get("id").asString(), 1, Integer::sum);
		}
		return delivered;
	}

	private static Map<String, Integer> countRows(String database, String query) throws Exception {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				if (rows.getString(1) != null) {
					counts.put(rows.getString(1), rows.getInt(2));
				}
			}
		}
		return counts;
	}

	private static HttpResponse<String> send(String token, String url) throws IOException, InterruptedException {
		return send(token, url, UUID.randomUUID().toString());
	}

	private static HttpResponse<String> send(String token, String url, String requestId)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("X-Request-ID", requestId)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void await(BooleanSupplier condition, Duration timeout, String what) {
		Awaitility.await(what).atMost(timeout).until(condition::getAsBoolean);
	}

	private static EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(postgresPort)
			.setRegisterShutdownHook(false)
			.start();
	}

	private static String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
	}

	private static ServiceProcess startInventory() {
		return ServiceProcess.start(LocalStack.INVENTORY, StackParts.jarOf(LocalStack.INVENTORY), inventoryPort,
				inventoryProperties, (line) -> System.out.println("inventory   | " + line));
	}

	private static ServiceProcess startInteraction() {
		return ServiceProcess.start(LocalStack.INTERACTION, StackParts.jarOf(LocalStack.INTERACTION), interactionPort,
				interactionProperties, (line) -> System.out.println("interaction | " + line));
	}

	/**
	 * @param whileDown whether it was answered while the database was down
	 */
	private record Answer(String url, boolean whileDown, int status, String contentType, String body, Duration took) {
	}

}
