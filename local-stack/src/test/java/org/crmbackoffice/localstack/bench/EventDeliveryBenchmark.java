package org.crmbackoffice.localstack.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.crmbackoffice.localstack.LocalStack;
import org.crmbackoffice.localstack.ServiceProcess;
import org.crmbackoffice.testsupport.TestDatabase;
import org.crmbackoffice.testsupport.TestPostgres;

/**
 * Measures the delay from a committed change to the delivery of its event at its
 * listeners, at a low rate (the baseline), at 500 changes per second through the API (or
 * what the API reaches) and at the same rate written straight into the outbox, in one run
 * against the shipped jars. Ten listeners are registered: healthy ones, slow ones that
 * answer after two seconds, and one that is down. Run it with
 * {@code bench/event-delivery/run.sh}; it prints median and p99 of the healthy listeners
 * per phase, their ratio to the baseline, and what the slow and the down ones got.
 */
public final class EventDeliveryBenchmark {

	private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\":\"([^\"]+)\"");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private EventDeliveryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rate = Integer.parseInt(System.getProperty("bench.rate", "500"));
		int seconds = Integer.parseInt(System.getProperty("bench.seconds", "20"));
		Path services = Path.of(System.getProperty("bench.services", "target/services"));
		List<ServiceProcess> processes = new ArrayList<>();
		try {
			int authPort = freePort();
			ServiceProcess auth = ServiceProcess.start("dev-auth-server", services.resolve("dev-auth-server-exec.jar"),
					authPort, LocalStack.authServerProperties(authPort), (line) -> {
					});
			processes.add(auth);
			TestDatabase database = TestPostgres.freshDatabase("bench_events");
			// Separate: the API instance does not deliver, a second instance of the same
			// jar
			// does nothing else, each with a pool of its own, so the CPU of each role
			// (and of
			// its database sessions) is told apart.
			boolean separate = "separate".equals(System.getProperty("bench.dispatch", "inline"));
			ServiceProcess interaction = startInteraction(services, database, auth.baseUrl(), "api", !separate);
			processes.add(interaction);
			ServiceProcess dispatcher = null;
			if (separate) {
				dispatcher = startInteraction(services, database, auth.baseUrl(), "dispatcher", true);
				processes.add(dispatcher);
			}
			auth.awaitHealthy(Duration.ofMinutes(3));
			interaction.awaitHealthy(Duration.ofMinutes(3));
			if (dispatcher != null) {
				dispatcher.awaitHealthy(Duration.ofMinutes(3));
			}
			CpuMeter cpu = new CpuMeter(database, interaction, dispatcher);
			String token = token(auth.baseUrl());

			Listeners listeners = new Listeners(Integer.getInteger("bench.listeners", 10),
					Integer.getInteger("bench.slow", 2), Integer.getInteger("bench.down", 1));
			for (String callback : listeners.callbacks()) {
				post(interaction.baseUrl() + "/tmf-api/partyInteraction/v5/hub", token,
						"{\"callback\": \"" + callback + "\"}");
			}
			System.out.println("Warming up");
			load(interaction.baseUrl(), token, 50, 5, listeners, cpu);
			Phase baseline = load(interaction.baseUrl(), token, 20, 10, listeners, cpu);
			Phase loaded = load(interaction.baseUrl(), token, rate, seconds, listeners, cpu);
			Phase outboxOnly = commitDirectly(database, rate, seconds, listeners, cpu);
			// What one change costs the machine with its deliveries made, all parts
			// together,
			// says at what rate its processors can keep delivery in pace with the API;
			// the
			// last phase checks that rate.
			double coresAtPace = Runtime.getRuntime().availableProcessors() * 0.8;
			int pace = (int) Math.max(1, coresAtPace * 1000 / loaded.cpu().millisPerChange(loaded.sent()));
			Phase atPace = load(interaction.baseUrl(), token, pace, seconds, listeners, cpu);
			System.out.printf(
					"%nCommit-to-delivery delay at the %d healthy listeners (%d slow ones answer after %d ms,"
							+ " %d down), concurrency per listener %s, %s dispatcher workers, dispatch %s:%n",
					listeners.healthy.size(), listeners.slow.size(), Listener.SLOW_ANSWER.toMillis(), listeners.down,
					System.getProperty("bench.concurrency", "32"), System.getProperty("bench.workers", "4"),
					separate ? "on an instance of its own" : "in the API instance");
			baseline.print("baseline (API)");
			loaded.print("loaded (API)");
			outboxOnly.print("loaded (outbox)");
			atPace.print("at pace (API)");
			System.out.printf("ratio to baseline: API median %.1f, p99 %.1f; outbox median %.1f, p99 %.1f%n",
					(double) loaded.median() / Math.max(1, baseline.median()),
					(double) loaded.p99() / Math.max(1, baseline.p99()),
					(double) outboxOnly.median() / Math.max(1, baseline.median()),
					(double) outboxOnly.p99() / Math.max(1, baseline.p99()));
			System.out.printf("target p99 < 1000 ms at the healthy listeners: API %s, outbox %s%n",
					(loaded.p99() < 1000 && loaded.complete()) ? "met" : "missed",
					(outboxOnly.p99() < 1000 && outboxOnly.complete()) ? "met" : "missed");
			System.out.printf("down listener: %s%n", attemptsToTheDown(database));
			System.out.printf("%nWhere the processors' time went (CPU seconds; %d processors):%n",
					Runtime.getRuntime().availableProcessors());
			baseline.cpu().print("baseline (API)", baseline.sent(), baseline.deliveries());
			loaded.cpu().print("loaded (API)", loaded.sent(), loaded.deliveries());
			outboxOnly.cpu().print("loaded (outbox)", outboxOnly.sent(), outboxOnly.deliveries());
			atPace.cpu().print("at pace (API)", atPace.sent(), atPace.deliveries());
			System.out.printf(
					"One change through the API with its deliveries made costs %.1f ms of CPU, all parts together:"
							+ " %.0f %% of %d processors keep delivery in pace up to %d changes/s; at that rate p99"
							+ " is %d ms (target %s there)%n",
					loaded.cpu().millisPerChange(loaded.sent()),
					coresAtPace * 100 / Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().availableProcessors(), pace, atPace.p99(),
					(atPace.p99() < 1000 && atPace.complete()) ? "met" : "missed");
			listeners.close();
			cpu.close();
		}
		finally {
			for (ServiceProcess process : processes) {
				process.stop(Duration.ofSeconds(20));
			}
		}
		System.exit(0);
	}

	private static ServiceProcess startInteraction(Path services, TestDatabase database, String issuer, String role,
			boolean delivers) throws IOException {
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(),
				"spring.datasource.hikari.data-source-properties.ApplicationName=" + role,
				"logging.level.org.crmbackoffice.request=WARN", "spring.datasource.hikari.maximum-pool-size=30",
				"crm.hub.dispatcher=" + delivers,
				"crm.hub.concurrency-per-listener=" + System.getProperty("bench.concurrency", "32"),
				"crm.hub.workers=" + System.getProperty("bench.workers", "4"),
				// The load comes from one client, far beyond what one caller may send in
				// production.
				"crm.rate-limit.enabled=false"));
		properties.addAll(LocalStack.securityProperties(issuer));
		return ServiceProcess.start("interaction-service (" + role + ")",
				services.resolve("interaction-service-exec.jar"), freePort(), properties, (line) -> {
				});
	}

	/**
	 * Logs interactions at a fixed rate (open loop) and waits until every event has
	 * arrived.
	 */
	private static Phase load(String baseUrl, String token, int rate, int seconds, Listeners listeners, CpuMeter cpu)
			throws Exception {
		listeners.startPhase();
		CpuMeter.Reading before = cpu.read();
		ExecutorService senders = Executors.newFixedThreadPool(64);
		ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		int total = rate * seconds;
		long started = System.nanoTime();
		pacer.scheduleAtFixedRate(() -> {
			if (sent.get() >= total) {
				return;
			}
			sent.incrementAndGet();
			senders.submit(() -> {
				if (!post(baseUrl + "/tmf-api/partyInteraction/v5/partyInteraction", token, change())) {
					failed.incrementAndGet();
				}
			});
		}, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
		while (sent.get() < total) {
			Thread.sleep(50);
		}
		pacer.shutdown();
		senders.shutdown();
		senders.awaitTermination(2, TimeUnit.MINUTES);
		double achieved = total / ((System.nanoTime() - started) / 1e9);
		return listeners.awaitPhase(rate, achieved, total, failed.get(), cpu, before);
	}

	/**
	 * Commits events straight into the outbox at the given rate, the way the service's
	 * transactions do, to load the dispatcher beyond what the API can produce on the same
	 * machine.
	 */
	private static Phase commitDirectly(TestDatabase database, int rate, int seconds, Listeners listeners, CpuMeter cpu)
			throws Exception {
		listeners.startPhase();
		CpuMeter.Reading before = cpu.read();
		int total = rate * seconds;
		long started = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password())) {
			PreparedStatement tick = connection.prepareStatement("""
					with event as (
					    insert into event_outbox (event_id, event_type, subject_id, payload, created_at)
					    select id, 'PartyInteractionCreateEvent', id::text, '{"eventId":"' || id || '","eventTime":"'
					           || to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
					           || '","eventType":"PartyInteractionCreateEvent","event":{}}', now()
					    from (select gen_random_uuid() as id from generate_series(1, ?)) ids
					    returning id, subject_id, created_at)
					insert into event_delivery (event_id, event_created_at, listener_id, subject_id, status, attempts,
					                            next_attempt_at, created_at)
					select e.id, e.created_at, l.id, e.subject_id, 'pending', 0, now(), now()
					from event e cross join hub_listener l where l.status = 'active'""");
			for (int written = 0; written < total;) {
				int due = (int) Math.min(total, rate * ((System.nanoTime() - started) / 1e9)) - written;
				if (due > 0) {
					tick.setInt(1, due);
					tick.executeUpdate();
					written += due;
				}
				TimeUnit.MILLISECONDS.sleep(5);
			}
		}
		double achieved = total / ((System.nanoTime() - started) / 1e9);
		return listeners.awaitPhase(rate, achieved, total, 0, cpu, before);
	}

	/** What the dispatcher did with the listener that is down: calls and calls saved. */
	private static String attemptsToTheDown(TestDatabase database) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); ResultSet row = connection.createStatement().executeQuery("""
						select count(*) filter (where a.error not like 'not called%'),
						       count(*) filter (where a.error like 'not called%'),
						       count(distinct d.id) filter (where d.status = 'pending')
						from event_delivery d join hub_listener l on l.id = d.listener_id
						left join delivery_attempt a on a.delivery_id = d.id
						where l.callback like '%/down'""")) {
			row.next();
			return "%d calls made, %d attempts failed at once by its open circuit, %d deliveries still owed"
				.formatted(row.getLong(1), row.getLong(2), row.getLong(3));
		}
	}

	static String change() {
		return """
				{"@type": "PartyInteraction", "description": "benchmark", "direction": "inbound", "reason": "order request",
				 "relatedChannel": [{"role": "contact", "channel": {"id": "webSelfService"}}],
				 "relatedParty": [{"role": "partner", "partyOrPartyRole": {"id": "%s", "@referredType": "Organization"}}]}"""
			.formatted(UUID.randomUUID());
	}

	static boolean post(String url, String token, String body) {
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() / 100 == 2;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static String token(String authServer) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authServer + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher matcher = ACCESS_TOKEN.matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No token: " + response.body());
		}
		return matcher.group(1);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * One phase's figures: the delays at the healthy listeners, and how many events the
	 * slow ones received during it.
	 */
	record Phase(int rate, double achieved, int sent, int failed, int expected, List<Long> delays, int slowReceived,
			List<Long> slowDelays, CpuMeter.Usage cpu) {

		/** The calls the listeners that answer received. */
		int deliveries() {
			return this.delays.size() + this.slowReceived;
		}

		boolean complete() {
			return this.delays.size() >= this.expected;
		}

		long median() {
			return percentile(this.delays, 0.5);
		}

		long p99() {
			return percentile(this.delays, 0.99);
		}

		void print(String name) {
			System.out.printf(
					"%-16s target %d/s, achieved %.0f/s, %d changes (%d failed), %d of %d events delivered to the healthy"
							+ " listeners: median %d ms, p99 %d ms; slow listeners got %d (median %d ms)%n",
					name, this.rate, this.achieved, this.sent, this.failed, this.delays.size(), this.expected, median(),
					p99(), this.slowReceived, percentile(this.slowDelays, 0.5));
		}

		private static long percentile(List<Long> sorted, double fraction) {
			return sorted.isEmpty() ? 0 : sorted
				.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(sorted.size() * fraction) - 1)));
		}

	}

	/** The registered listeners: healthy, slow, and the number of those that are down. */
	static final class Listeners implements AutoCloseable {

		final List<Listener> healthy = new ArrayList<>();

		final List<Listener> slow = new ArrayList<>();

		final int down;

		private final List<String> downCallbacks = new ArrayList<>();

		Listeners(int all, int slow, int down) throws IOException {
			this.down = down;
			for (int i = 0; i < all - slow - down; i++) {
				this.healthy.add(new Listener(false));
			}
			for (int i = 0; i < slow; i++) {
				this.slow.add(new Listener(true));
			}
			for (int i = 0; i < down; i++) {
				// A port nothing listens on: every call is refused.
				this.downCallbacks.add("http://127.0.0.1:" + freePort() + "/down");
			}
		}

		List<String> callbacks() {
			List<String> callbacks = new ArrayList<>();
			this.healthy.forEach((listener) -> callbacks.add(listener.url()));
			this.slow.forEach((listener) -> callbacks.add(listener.url()));
			callbacks.addAll(this.downCallbacks);
			return callbacks;
		}

		void startPhase() {
			this.healthy.forEach(Listener::startPhase);
			this.slow.forEach(Listener::startPhase);
		}

		/**
		 * Waits up to two minutes for every event of the phase at the healthy listeners.
		 */
		Phase awaitPhase(int rate, double achieved, int total, int failed, CpuMeter cpu, CpuMeter.Reading before)
				throws Exception {
			int expected = (total - failed) * this.healthy.size();
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			while (received(this.healthy) < expected && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			return new Phase(rate, achieved, total, failed, expected, delays(this.healthy), received(this.slow),
					delays(this.slow), cpu.read().since(before));
		}

		private static int received(List<Listener> listeners) {
			return listeners.stream().mapToInt((listener) -> listener.delays.size()).sum();
		}

		private static List<Long> delays(List<Listener> listeners) {
			List<Long> delays = new ArrayList<>();
			listeners.forEach((listener) -> delays.addAll(listener.delays));
			Collections.sort(delays);
			return delays;
		}

		@Override
		public void close() {
			this.healthy.forEach(Listener::close);
			this.slow.forEach(Listener::close);
		}

	}

	/**
	 * A listener: notes for each event how long after its eventTime it arrived, and
	 * answers at once or, when slow, after {@link #SLOW_ANSWER}.
	 */
	static final class Listener implements AutoCloseable {

		static final Duration SLOW_ANSWER = Duration.ofSeconds(2);

		final List<Long> delays = Collections.synchronizedList(new ArrayList<>());

		private final ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();

		private final HttpServer server;

		Listener(boolean slow) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.setExecutor(Executors.newFixedThreadPool(slow ? 64 : 8));
			this.server.createContext("/", (exchange) -> {
				Instant arrived = Instant.now();
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Matcher time = EVENT_TIME.matcher(body);
				if (time.find()
						&& this.seen.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), true) == null) {
					this.delays.add(Duration.between(Instant.parse(time.group(1)), arrived).toMillis());
				}
				if (slow) {
					try {
						Thread.sleep(SLOW_ANSWER.toMillis());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			this.server.start();
		}

		void startPhase() {
			this.delays.clear();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/events";
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
