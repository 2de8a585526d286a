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
 * Measures the delay from a committed change to the delivery of its event at a listener,
 * at a low rate (the baseline) and at 500 changes per second, in one run against the
 * shipped jars. Run it with {@code bench/event-delivery/run.sh}; it prints median and p99
 * for both rates and their ratio.
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
			List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "logging.level.org.crmbackoffice.request=WARN",
					"spring.datasource.hikari.maximum-pool-size=30",
					"crm.hub.workers=" + System.getProperty("bench.workers", "2"),
					// The load comes from one client, far beyond what one caller may send
					// in production.
					"crm.rate-limit.enabled=false"));
			properties.addAll(LocalStack.securityProperties(auth.baseUrl()));
			ServiceProcess interaction = ServiceProcess.start("interaction-service",
					services.resolve("interaction-service-exec.jar"), freePort(), properties, (line) -> {
					});
			processes.add(interaction);
			auth.awaitHealthy(Duration.ofMinutes(3));
			interaction.awaitHealthy(Duration.ofMinutes(3));
			String token = token(auth.baseUrl());

			Receiver receiver = new Receiver();
			post(interaction.baseUrl() + "/tmf-api/partyInteraction/v5/hub", token,
					"{\"callback\": \"" + receiver.url() + "\"}");
			System.out.println("Warming up");
			load(interaction.baseUrl(), token, 50, 5, receiver);
			Phase baseline = load(interaction.baseUrl(), token, 20, 10, receiver);
			Phase loaded = load(interaction.baseUrl(), token, rate, seconds, receiver);
			Phase outboxOnly = commitDirectly(database, rate, seconds, receiver);
			System.out.printf("%nCommit-to-delivery delay, one listener, %s dispatcher workers:%n",
					System.getProperty("bench.workers", "2"));
			baseline.print("baseline (API)");
			loaded.print("loaded (API)");
			outboxOnly.print("loaded (outbox)");
			System.out.printf("ratio to baseline: API median %.1f, p99 %.1f; outbox median %.1f, p99 %.1f%n",
					(double) loaded.median() / Math.max(1, baseline.median()),
					(double) loaded.p99() / Math.max(1, baseline.p99()),
					(double) outboxOnly.median() / Math.max(1, baseline.median()),
					(double) outboxOnly.p99() / Math.max(1, baseline.p99()));
			receiver.close();
		}
		finally {
			for (ServiceProcess process : processes) {
				process.stop(Duration.ofSeconds(20));
			}
		}
		System.exit(0);
	}

	/**
	 * Logs interactions at a fixed rate (open loop) and waits until every event has
	 * arrived.
	 */
	private static Phase load(String baseUrl, String token, int rate, int seconds, Receiver receiver)
			throws InterruptedException {
		receiver.delays.clear();
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
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (receiver.delays.size() < total - failed.get() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		List<Long> delays = new ArrayList<>(receiver.delays);
		Collections.sort(delays);
		return new Phase(rate, achieved, total, failed.get(), delays);
	}

	/**
	 * Commits events straight into the outbox at the given rate, the way the service's
	 * transactions do, to load the dispatcher beyond what the API can produce on the same
	 * machine.
	 */
	private static Phase commitDirectly(TestDatabase database, int rate, int seconds, Receiver receiver)
			throws Exception {
		receiver.delays.clear();
		int total = rate * seconds;
		long started = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password())) {
			String listener;
			try (ResultSet row = connection.createStatement()
				.executeQuery("select id from hub_listener where status = 'active' limit 1")) {
				row.next();
				listener = row.getString(1);
			}
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
					select id, created_at, ?::uuid, subject_id, 'pending', 0, now(), now() from event""");
			for (int written = 0; written < total;) {
				int due = (int) Math.min(total, rate * ((System.nanoTime() - started) / 1e9)) - written;
				if (due > 0) {
					tick.setInt(1, due);
					tick.setString(2, listener);
					tick.executeUpdate();
					written += due;
				}
				TimeUnit.MILLISECONDS.sleep(5);
			}
		}
		double achieved = total / ((System.nanoTime() - started) / 1e9);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (receiver.delays.size() < total && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		List<Long> delays = new ArrayList<>(receiver.delays);
		Collections.sort(delays);
		return new Phase(rate, achieved, total, 0, delays);
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

	record Phase(int rate, double achieved, int sent, int failed, List<Long> delays) {

		long median() {
			return this.delays.isEmpty() ? 0 : this.delays.get(this.delays.size() / 2);
		}

		long p99() {
			return this.delays.isEmpty() ? 0
					: this.delays.get((int) Math.min(this.delays.size() - 1, Math.ceil(this.delays.size() * 0.99) - 1));
		}

		void print(String name) {
			System.out.printf(
					"%-16s target %d/s, achieved %.0f/s, %d changes (%d failed), %d events delivered: "
							+ "median %d ms, p99 %d ms%n",
					name, this.rate, this.achieved, this.sent, this.failed, this.delays.size(), median(), p99());
		}

	}

	/** The listener: notes for each event how long after its eventTime it arrived. */
	static final class Receiver implements AutoCloseable {

		final List<Long> delays = Collections.synchronizedList(new ArrayList<>());

		private final ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();

		private final HttpServer server;

		Receiver() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.setExecutor(Executors.newFixedThreadPool(8));
			this.server.createContext("/", (exchange) -> {
				Instant arrived = Instant.now();
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Matcher time = EVENT_TIME.matcher(body);
				if (time.find()
						&& this.seen.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), true) == null) {
					this.delays.add(Duration.between(Instant.parse(time.group(1)), arrived).toMillis());
				}
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			this.server.start();
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
