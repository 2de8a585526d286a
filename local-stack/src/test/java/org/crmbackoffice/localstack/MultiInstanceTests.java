package org.crmbackoffice.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.testsupport.EventStreamClient;
import org.crmbackoffice.testsupport.TestDatabase;
import org.crmbackoffice.testsupport.TestPostgres;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of each service on one database each, as a cluster runs them: the
 * release's migration runs once while the replicas wait for it, every event reaches its
 * listener once, an Idempotency-Key holds across instances, rate limits are shared,
 * scheduled work happens once per period, a data-quality run survives the loss of its
 * instance, and a rolling restart fails no request of a client that fails over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTests {

	private static final String INTERACTIONS = "/tmf-api/partyInteraction/v5/partyInteraction";

	private static final String CUSTOMERS = "/tmf-api/customerManagement/v5/customer";

	private static final String QUALITY_RUNS = "/inventory/v1/quality/run";

	/**
	 * A reason whose interactions count as stalled after a few seconds without change.
	 */
	private static final String STALLING_REASON = "stalls-quickly";

	/** The scheduled data-quality runs' period: every five seconds. */
	private static final int SCHEDULE_SECONDS = 5;

	/**
	 * The supervisor's budget on the inventory, per hour, so that the test sees it end.
	 */
	private static final int SUPERVISOR_BUDGET = 20;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static TestDatabase inventoryDatabase;

	private static TestDatabase interactionDatabase;

	private static ServiceProcess authServer;

	private static final ServiceProcess[] inventories = new ServiceProcess[2];

	private static final ServiceProcess[] interactions = new ServiceProcess[2];

	private static final int[] inventoryPorts = new int[2];

	private static final int[] interactionPorts = new int[2];

	private static final List<List<String>> inventoryProperties = new ArrayList<>();

	private static final List<List<String>> interactionProperties = new ArrayList<>();

	/** What each replica wrote while it started, by its name. */
	private static final Map<String, List<String>> output = new ConcurrentHashMap<>();

	private static final List<Integer> migrationExitCodes = new ArrayList<>();

	private static WebhookReceiver listener;

	/** A listener of the inventory's events. */
	private static WebhookReceiver inventoryListener;

	@BeforeAll
	static void startTwoInstancesOfEachServiceBehindOneMigration() throws Exception {
		inventoryDatabase = TestPostgres.freshDatabase("multi_inventory");
		interactionDatabase = TestPostgres.freshDatabase("multi_interaction");
		int authPort = StackParts.freePort();
		authServer = ServiceProcess.start(LocalStack.AUTH_SERVER, StackParts.jarOf(LocalStack.AUTH_SERVER), authPort,
				LocalStack.authServerProperties(authPort), prefixed("auth"));
		String issuer = authServer.baseUrl();
		for (int i = 0; i < 2; i++) {
			inventoryPorts[i] = StackParts.freePort();
			interactionPorts[i] = StackParts.freePort();
		}
		for (int i = 0; i < 2; i++) {
			// Each instance calls the other service's other instance.
			List<String> inventory = new ArrayList<>(serviceProperties(inventoryDatabase, issuer));
			inventory
				.addAll(LocalStack.inventoryClientProperties("http://localhost:" + interactionPorts[1 - i], issuer));
			inventory.addAll(List.of("crm.quality.schedule=*/" + SCHEDULE_SECONDS + " * * * * *",
					"crm.quality.stale-after=PT10S", "crm.quality.chunk-size=500", "crm.rate-limit.window=PT1H",
					"crm.rate-limit.requests.per-role.supervisor=" + SUPERVISOR_BUDGET,
					"crm.audit.usage-flush-interval=PT1S", "crm.audit.anomaly.check-interval=PT1S",
					"crm.audit.anomaly.minimum-records=" + SUPERVISOR_BUDGET / 2));
			inventoryProperties.add(inventory);
			List<String> interaction = new ArrayList<>(serviceProperties(interactionDatabase, issuer));
			interaction
				.addAll(LocalStack.interactionClientProperties("http://localhost:" + inventoryPorts[1 - i], issuer));
			interaction.addAll(List.of("crm.interaction.stalled.check-interval=PT1S",
					"crm.interaction.stalled.no-progress-after-by-reason." + STALLING_REASON + "=PT3S",
					"crm.rate-limit.requests.per-role.agent=100000"));
			interactionProperties.add(interaction);
		}
		for (int i = 0; i < 2; i++) {
			inventories[i] = startInventory(i);
			interactions[i] = startInteraction(i);
		}
		Awaitility.await("every replica waiting for the release's migration")
			.atMost(Duration.ofMinutes(3))
			.until(() -> output.values()
				.stream()
				.filter((lines) -> lines.stream().anyMatch((line) -> line.contains("Waiting for the release's")))
				.count() == 4);
		ServiceProcess inventoryMigration = ServiceProcess.start(LocalStack.INVENTORY + "-migration",
				StackParts.jarOf(LocalStack.INVENTORY), StackParts.freePort(),
				withMode(inventoryProperties.get(0), "migrate-and-exit"), prefixed("inventory m"));
		ServiceProcess interactionMigration = ServiceProcess.start(LocalStack.INTERACTION + "-migration",
				StackParts.jarOf(LocalStack.INTERACTION), StackParts.freePort(),
				withMode(interactionProperties.get(0), "migrate-and-exit"), prefixed("interaction m"));
		migrationExitCodes.add(inventoryMigration.awaitExit(Duration.ofMinutes(3)));
		migrationExitCodes.add(interactionMigration.awaitExit(Duration.ofMinutes(3)));
		for (ServiceProcess service : List.of(authServer, inventories[0], inventories[1], interactions[0],
				interactions[1])) {
			service.awaitHealthy(Duration.ofMinutes(3));
		}
		listener = new WebhookReceiver();
		post(interactions[0], StackParts.tokenOf(authServer, "admin"), "/tmf-api/partyInteraction/v5/hub",
				"{\"callback\":\"" + listener.url() + "\"}", null);
		inventoryListener = new WebhookReceiver();
		post(inventories[1], StackParts.tokenOf(authServer, "admin"), "/tmf-api/customerManagement/v5/hub",
				"{\"callback\":\"" + inventoryListener.url() + "\"}", null);
	}

	@AfterAll
	static void stopEverything() {
		for (WebhookReceiver receiver : new WebhookReceiver[] { listener, inventoryListener }) {
			if (receiver != null) {
				receiver.close();
			}
		}
		for (ServiceProcess service : new ServiceProcess[] { interactions[0], interactions[1], inventories[0],
				inventories[1], authServer }) {
			if (service != null) {
				service.stop(Duration.ofSeconds(20));
			}
		}
	}

	@Test
	@Order(1)
	void theReleaseMigratesEachDatabaseOnceWhileItsReplicasWait() throws Exception {
		assertThat(migrationExitCodes).containsExactly(0, 0);
		for (TestDatabase database : List.of(inventoryDatabase, interactionDatabase)) {
			for (String history : List.of("flyway_schema_history", "flyway_support_history")) {
				assertThat(rows(database,
						"select version, count(*) from " + history + " where version is not null group by version"))
					.as("migrations recorded in %s", history)
					.isNotEmpty()
					.allSatisfy((row) -> assertThat(row.get(1)).isEqualTo("1"));
			}
		}
		assertThat(output).allSatisfy((name, lines) -> assertThat(lines).as("what %s wrote", name)
			.noneMatch((line) -> line.contains("Migrating schema")));
	}

	@Test
	@Order(2)
	void eachEventReachesTheListenerAndEveryLiveStreamOnceWhicheverInstanceWroteIt() throws Exception {
		String agent = StackParts.tokenOf(authServer, "agent");
		List<String> ids = new ArrayList<>();
		List<EventStreamClient> streams = new ArrayList<>();
		for (ServiceProcess instance : interactions) {
			streams.add(EventStreamClient.open(
					URI.create(instance.baseUrl() + "/interaction/v1/events?eventType=PartyInteractionCreateEvent"),
					agent, null));
		}
		try {
			for (int i = 0; i < 40; i++) {
				ids.add(createInteraction(interactions[i % 2], agent, "Multi-instance event " + i, "billing",
						UUID.randomUUID().toString()));
			}

			Awaitility.await("a create event for each interaction")
				.atMost(Duration.ofMinutes(1))
				.until(() -> eventsFor("PartyInteractionCreateEvent", ids).keySet().containsAll(ids));
			Thread.sleep(3_000);
			assertThat(eventsFor("PartyInteractionCreateEvent", ids)).hasSize(40)
				.allSatisfy((id, deliveries) -> assertThat(deliveries).as("deliveries of %s", id).isEqualTo(1));
			for (EventStreamClient stream : streams) {
				assertThat(stream.events())
					.extracting((event) -> json.readTree(event.data())
						.path("event")
						.path("partyInteraction")
						.path("id")
						.asString())
					.containsExactlyElementsOf(ids);
			}
		}
		finally {
			streams.forEach(EventStreamClient::close);
		}
	}

	@Test
	@Order(3)
	void anIdempotencyKeyRetriedAgainstTheOtherInstanceGetsTheSameAnswerAndOneRow() throws Exception {
		String agent = StackParts.tokenOf(authServer, "agent");
		String key = UUID.randomUUID().toString();
		String body = interactionBody("Retried on the other instance " + key, "billing", "multi-" + key);

		HttpResponse<String> first = post(interactions[0], agent, INTERACTIONS, body, key);
		HttpResponse<String> retried = post(interactions[1], agent, INTERACTIONS, body, key);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retried.statusCode()).isEqualTo(201);
		assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(json.readTree(retried.body()).get("id").asString())
			.isEqualTo(json.readTree(first.body()).get("id").asString());
		assertThat(rows(interactionDatabase,
				"select count(*) from party_interaction where description = 'Retried on the other instance " + key
						+ "'"))
			.containsExactly(List.of("1"));
	}

	@Test
	@Order(4)
	void theInstancesTakeFromOneRateLimitBudget() throws Exception {
		String supervisor = StackParts.tokenOf(authServer, "supervisor");
		Map<Integer, Integer> statuses = new HashMap<>();
		for (int i = 0; i < SUPERVISOR_BUDGET + 10; i++) {
			statuses.merge(get(inventories[i % 2], supervisor, CUSTOMERS + "?limit=1").statusCode(), 1, Integer::sum);
		}

		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, SUPERVISOR_BUDGET, 429, 10));
	}

	@Test
	@Order(5)
	void scheduledWorkHappensOncePerPeriodWhateverTheInstances() throws Exception {
		String agent = StackParts.tokenOf(authServer, "agent");
		List<String> stalling = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			stalling.add(createInteraction(interactions[i % 2], agent, "Left alone " + i, STALLING_REASON,
					UUID.randomUUID().toString()));
		}
		long scheduledBefore = scheduledRuns().size();

		Awaitility.await("three scheduled data-quality runs")
			.atMost(Duration.ofMinutes(1))
			.until(() -> scheduledRuns().size() >= scheduledBefore + 3);
		Awaitility.await("a reminder for each stalled interaction")
			.atMost(Duration.ofSeconds(30))
			.until(() -> eventsFor("PartyInteractionReminderEvent", stalling).size() == 3);
		Thread.sleep(4_000);

		assertThat(eventsFor("PartyInteractionReminderEvent", stalling)).hasSize(3)
			.allSatisfy((id, reminders) -> assertThat(reminders).as("reminders of %s", id).isEqualTo(1));
		Awaitility.await("the supervisor's unusual day raised")
			.atMost(Duration.ofSeconds(30))
			.until(() -> anomaliesRaisedFor("supervisor") >= 1);
		Thread.sleep(3_000);
		assertThat(anomaliesRaisedFor("supervisor")).as("unusual-access events about the supervisor's day")
			.isEqualTo(1);
		Map<Long, Long> runsPerPeriod = new HashMap<>();
		scheduledRuns()
			.forEach((startedAt) -> runsPerPeriod.merge(startedAt / (SCHEDULE_SECONDS * 1000L), 1L, Long::sum));
		assertThat(runsPerPeriod).as("scheduled runs per %d s period", SCHEDULE_SECONDS)
			.allSatisfy((period, runs) -> assertThat(runs).isEqualTo(1));
	}

	@Test
	@Order(6)
	void aDataQualityRunWhoseInstanceIsKilledIsTakenOverAndCompleted() throws Exception {
		addCustomers(8_000);
		String steward = StackParts.tokenOf(authServer, "data-steward");
		Awaitility.await("a scheduled run over the added customers, an eighth of the way through")
			.atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> rows(inventoryDatabase,
					"select 1 from quality_run where status = 'running' and total > 8000 and checked >= 1000")
				.size() == 1);
		List<String> run = rows(inventoryDatabase,
				"select id, owner from quality_run where status = 'running' and total > 8000")
			.get(0);
		int owner = instanceOwning(run.get(1));
		inventories[owner].kill();

		Awaitility.await("the run completed by the other instance")
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> json.readTree(get(inventories[1 - owner], steward, QUALITY_RUNS + "/" + run.get(0)).body())
				.get("status")
				.asString()
				.equals("completed"));
		JsonNode completed = json
			.readTree(get(inventories[1 - owner], steward, QUALITY_RUNS + "/" + run.get(0)).body());
		System.out.printf("multi-instance: run %s of %d customers taken over after its instance was killed%n",
				run.get(0), completed.get("total").asLong());
		assertThat(completed.get("checked").asLong()).isEqualTo(completed.get("total").asLong());
		assertThat(output.get(inventories[1 - owner].name()))
			.anyMatch((line) -> line.contains("Resuming data-quality run " + run.get(0)));

		inventories[owner] = startInventory(owner);
		inventories[owner].awaitHealthy(Duration.ofMinutes(2));
	}

	@Test
	@Order(7)
	void aRollingRestartFailsNoRequestOfAClientThatFailsOver() throws Exception {
		String agent = StackParts.tokenOf(authServer, "agent");
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger answered = new AtomicInteger();
		AtomicInteger failovers = new AtomicInteger();
		List<String> failures = new CopyOnWriteArrayList<>();
		List<String> created = new CopyOnWriteArrayList<>();
		// A writer and a reader, each alternating between the instances: five requests a
		// second each meet every stop and leave the two cores to the restarts.
		ExecutorService clients = Executors.newFixedThreadPool(2);
		List<Future<?>> loads = new ArrayList<>();
		for (int client = 0; client < 2; client++) {
			int first = client;
			boolean writes = client == 0;
			loads.add(clients.submit(() -> {
				for (int i = 0; !stop.get(); i++) {
					String key = UUID.randomUUID().toString();
					HttpResponse<String> response = withFailover(
							first + i, failovers, (
									instance) -> writes
											? post(instance, agent, INTERACTIONS,
													interactionBody("Rolling restart " + key, "billing",
															"rolling-" + key),
													key)
											: get(instance, agent, INTERACTIONS + "?limit=5"));
					if (response == null || response.statusCode() >= 300) {
						failures.add((response != null) ? response.statusCode() + " " + response.body()
								: "no instance answered");
					}
					else if (writes) {
						created.add(json.readTree(response.body()).get("id").asString());
					}
					answered.incrementAndGet();
					Thread.sleep(200);
				}
				return null;
			}));
		}
		Thread.sleep(2_000);
		for (int i = 0; i < 2; i++) {
			int before = answered.get();
			interactions[i].stop(Duration.ofSeconds(30));
			interactions[i] = startInteraction(i);
			interactions[i].awaitHealthy(Duration.ofMinutes(2));
			Thread.sleep(2_000);
			assertThat(answered.get()).as("requests answered while instance %d restarted", i).isGreaterThan(before);
		}
		stop.set(true);
		for (Future<?> load : loads) {
			load.get(1, TimeUnit.MINUTES);
		}
		clients.shutdown();

		System.out.printf("multi-instance: rolling restart, %d requests answered, %d failed over, %d failed%n",
				answered.get(), failovers.get(), failures.size());
		assertThat(failures).isEmpty();
		assertThat(failovers.get()).as("requests that met a stopped instance").isPositive();
		// What a stopped instance had claimed to deliver was delivered or handed back.
		Awaitility.await("a create event for each interaction created during the restarts")
			.atMost(Duration.ofMinutes(1))
			.until(() -> eventsFor("PartyInteractionCreateEvent", created).keySet().containsAll(created));
		System.out.printf("multi-instance: %d interactions created during the restarts, %d create events delivered%n",
				created.size(),
				eventsFor("PartyInteractionCreateEvent", created).values().stream().mapToInt(Integer::intValue).sum());
	}

	/**
	 * Sends to one instance, and on a refused or broken connection to the other, as a
	 * client or proxy with two upstreams does; a write is repeated with its
	 * Idempotency-Key, so that it is made once whichever instance saw it.
	 */
	private static HttpResponse<String> withFailover(int start, AtomicInteger failovers, Call call)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		boolean failedOver = false;
		for (int attempt = start; System.nanoTime() < deadline; attempt++) {
			try {
				HttpResponse<String> response = call.send(interactions[attempt % 2]);
				if (response.statusCode() != 409) {
					if (failedOver) {
						failovers.incrementAndGet();
					}
					return response;
				}
				// The same key still being handled by the instance that was stopped.
			}
			catch (IOException ex) {
				failedOver = true;
			}
			Thread.sleep(50);
		}
		return null;
	}

	private static int instanceOwning(String owner) {
		for (int i = 0; i < 2; i++) {
			if (owner.startsWith(inventories[i].pid() + "@")) {
				return i;
			}
		}
		throw new AssertionError("No inventory instance owns the run (owner " + owner + ")");
	}

	/** When each scheduled data-quality run started, in epoch milliseconds. */
	private static List<Long> scheduledRuns() throws Exception {
		return rows(inventoryDatabase,
				"select (extract(epoch from started_at) * 1000)::bigint from quality_run where requested_by = 'schedule'")
			.stream()
			.map((row) -> Long.parseLong(row.get(0)))
			.toList();
	}

	/** Customers, each with its individual, as a bulk import would add them. */
	private static void addCustomers(int count) throws Exception {
		try (Connection connection = connect(inventoryDatabase); Statement statement = connection.createStatement()) {
			statement.execute("""
					create temp table added as
					select n, gen_random_uuid() as id, gen_random_uuid() as party_id from generate_series(1, %d) n;
					insert into party (id, version, party_type, status, name, given_name, family_name, birth_date,
					                   document, data_source, created_at, updated_at, created_by, updated_by)
					select party_id, 0, 'Individual', 'initialized', 'Added Customer' || n, 'Added', 'Customer' || n,
					       date '1950-01-01' + n %% 20000,
					       jsonb_build_object('@type', 'Individual', 'name', 'Added Customer' || n),
					       'bulk-import', now(), now(), 'import', 'import'
					from added;
					insert into customer (id, version, name, name_normalized, status, created_at, updated_at,
					                      created_by, updated_by, engaged_party_type, engaged_party_referred_type,
					                      engaged_party_id, engaged_party_href, engaged_party_name, party_id,
					                      data_source)
					select id, 0, 'Added Customer' || n, 'added customer' || n, 'approved', now(), now(), 'import',
					       'import', 'PartyRef', 'Individual', party_id::text,
					       '/tmf-api/partyManagement/v5/individual/' || party_id, 'Added Customer' || n, party_id,
					       'bulk-import'
					from added;
					analyze customer;
					""".formatted(count));
		}
	}

	/**
	 * The unusual-access events about a principal that reached the inventory's listener.
	 */
	private static long anomaliesRaisedFor(String principal) {
		return inventoryListener.accepted()
			.stream()
			.map((received) -> json.readTree(received.body()))
			.filter((event) -> event.get("eventType").asString().equals("CustomerAccessAnomalyEvent"))
			.filter((event) -> event.get("event")
				.get("customerAccessAnomaly")
				.get("principal")
				.asString()
				.equals(principal))
			.count();
	}

	/** How many times an event of the type reached the listener, per interaction. */
	private static Map<String, Integer> eventsFor(String eventType, List<String> ids) {
		Map<String, Integer> delivered = new HashMap<>();
		for (WebhookReceiver.Received received : listener.accepted()) {
			JsonNode event = json.readTree(received.body());
			if (event.get("eventType").asString().equals(eventType)) {
				String id = event.get("event").get("partyInteraction").get("id").asString();
				if (ids.contains(id)) {
					delivered.merge(id, 1, Integer::sum);
				}
			}
		}
		return delivered;
	}

	private static String createInteraction(ServiceProcess instance, String token, String description, String reason,
			String key) throws Exception {
		HttpResponse<String> response = post(instance, token, INTERACTIONS,
				interactionBody(description, reason, "multi-" + UUID.randomUUID()), key);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("id").asString();
	}

	private static String interactionBody(String description, String reason, String party) {
		return json.writeValueAsString(PartyInteractionCreate.of(description, "inbound", reason,
				List.of(new RelatedChannel("contact", ChannelRef.named("chat"))),
				List.of(new RelatedPartyOrPartyRole("partner",
						new PartyRefOrPartyRoleRef(party, null, null, "Organization")))));
	}

	private static HttpResponse<String> post(ServiceProcess instance, String token, String path, String body,
			String idempotencyKey) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(ServiceProcess instance, String token, String path)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<List<String>> rows(TestDatabase database, String query) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int column = 1; column <= columns; column++) {
					row.add(result.getString(column));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static Connection connect(TestDatabase database) throws Exception {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	private static List<String> serviceProperties(TestDatabase database, String issuer) {
		return StackParts.serviceProperties(database.jdbcUrl(), database.username(), database.password(), issuer);
	}

	private static List<String> withMode(List<String> properties, String mode) {
		List<String> withMode = new ArrayList<>(properties);
		withMode.add("crm.migration.mode=" + mode);
		return withMode;
	}

	/** A replica, which waits for the release's migration. */
	private static ServiceProcess startInventory(int instance) {
		String name = "inventory " + (char) ('a' + instance);
		return ServiceProcess.start(name, StackParts.jarOf(LocalStack.INVENTORY), inventoryPorts[instance],
				withMode(inventoryProperties.get(instance), "wait"), recorded(name));
	}

	/** A replica, which waits for the release's migration. */
	private static ServiceProcess startInteraction(int instance) {
		String name = "interaction " + (char) ('a' + instance);
		return ServiceProcess.start(name, StackParts.jarOf(LocalStack.INTERACTION), interactionPorts[instance],
				withMode(interactionProperties.get(instance), "wait"), recorded(name));
	}

	private static Consumer<String> recorded(String name) {
		List<String> lines = new CopyOnWriteArrayList<>();
		output.put(name, lines);
		Consumer<String> print = prefixed(name);
		return (line) -> {
			if (lines.size() < 2_000) {
				lines.add(line);
			}
			print.accept(line);
		};
	}

	private static Consumer<String> prefixed(String name) {
		String label = String.format("%-13s | ", name);
		return (line) -> System.out.println(label + line);
	}

	@FunctionalInterface
	private interface Call {

		HttpResponse<String> send(ServiceProcess instance) throws IOException, InterruptedException;

	}

}
