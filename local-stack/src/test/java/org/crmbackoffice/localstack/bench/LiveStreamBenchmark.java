package org.crmbackoffice.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmbackoffice.localstack.LocalStack;
import org.crmbackoffice.localstack.ServiceProcess;
import org.crmbackoffice.localstack.bench.EventDeliveryBenchmark.Phase;
import org.crmbackoffice.testsupport.EventStreamClient;
import org.crmbackoffice.testsupport.TestDatabase;
import org.crmbackoffice.testsupport.TestPostgres;

/**
 * Measures the delay from a committed change to its event on open live streams, at 100
 * and 500 changes per second through the API, and what an idle stream costs the instance
 * that holds it. Run it with {@code bench/live-events/run.sh}.
 */
public final class LiveStreamBenchmark {

	private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\":\"([^\"]+)\"");

	private static final Pattern HEAP_USED = Pattern.compile("\"value\":([0-9.E+]+)");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private LiveStreamBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = Integer.parseInt(System.getProperty("bench.seconds", "20"));
		int active = Integer.parseInt(System.getProperty("bench.streams", "10"));
		int idle = Integer.parseInt(System.getProperty("bench.idle-streams", "2000"));
		List<Integer> rates = new ArrayList<>();
		for (String rate : System.getProperty("bench.rates", "100,500").split(",")) {
			rates.add(Integer.parseInt(rate.strip()));
		}
		Path services = Path.of(System.getProperty("bench.services", "target/services"));
		List<ServiceProcess> processes = new ArrayList<>();
		List<EventStreamClient> streams = new ArrayList<>();
		try {
			int authPort = EventDeliveryBenchmark.freePort();
			ServiceProcess auth = ServiceProcess.start("dev-auth-server", services.resolve("dev-auth-server-exec.jar"),
					authPort, LocalStack.authServerProperties(authPort), (line) -> {
					});
			processes.add(auth);
			TestDatabase database = TestPostgres.freshDatabase("bench_live");
			List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "logging.level.org.crmbackoffice.request=WARN",
					"spring.datasource.hikari.maximum-pool-size=30",
					// One client opens every stream and sends every change.
					"crm.rate-limit.enabled=false", "crm.live.max-streams=" + (active + idle + 10),
					"crm.live.max-streams-per-client=" + (active + idle + 10)));
			properties.addAll(LocalStack.securityProperties(auth.baseUrl()));
			ServiceProcess interaction = ServiceProcess.start("interaction-service",
					services.resolve("interaction-service-exec.jar"), EventDeliveryBenchmark.freePort(), properties,
					(line) -> {
					});
			processes.add(interaction);
			auth.awaitHealthy(Duration.ofMinutes(3));
			interaction.awaitHealthy(Duration.ofMinutes(3));
			String token = EventDeliveryBenchmark.token(auth.baseUrl());
			URI creates = URI
				.create(interaction.baseUrl() + "/interaction/v1/events?eventType=PartyInteractionCreateEvent");
			for (int i = 0; i < active; i++) {
				streams.add(EventStreamClient.open(creates, token, null));
			}

			System.out.println("Warming up");
			load(interaction.baseUrl(), token, 50, 5, streams);
			List<String> results = new ArrayList<>();
			for (int rate : rates) {
				results.add(load(interaction.baseUrl(), token, rate, seconds, streams).describe(rate, active, 0));
			}

			long heapBefore = heapAfterCollection(interaction, token);
			List<EventStreamClient> idleStreams = new ArrayList<>();
			URI nothing = URI.create(interaction.baseUrl() + "/interaction/v1/events?eventType=NoSuchEvent");
			for (int i = 0; i < idle; i++) {
				EventStreamClient stream = EventStreamClient.open(nothing, token, null);
				if (stream.status() != 200) {
					throw new IllegalStateException("Idle stream " + i + " was refused: " + stream.refusal());
				}
				idleStreams.add(stream);
			}
			streams.addAll(idleStreams);
			Thread.sleep(2_000);
			long heapAfter = heapAfterCollection(interaction, token);
			results.add(load(interaction.baseUrl(), token, rates.get(0), seconds, streams.subList(0, active))
				.describe(rates.get(0), active, idle));

			System.out.printf("%nCommit-to-stream delay, %d streams taking every create event:%n", active);
			results.forEach(System.out::println);
			System.out.printf("%d idle streams: heap after a full collection %d MB before, %d MB after: %d bytes "
					+ "per stream%n", idle, heapBefore >> 20, heapAfter >> 20, (heapAfter - heapBefore) / idle);
		}
		finally {
			streams.forEach(EventStreamClient::close);
			for (ServiceProcess process : processes) {
				process.stop(Duration.ofSeconds(20));
			}
		}
		System.exit(0);
	}

	/**
	 * Logs interactions at a fixed rate (open loop), waits until every stream has
	 * received every event, and collects the delays of all streams.
	 */
	private static Result load(String baseUrl, String token, int rate, int seconds, List<EventStreamClient> streams)
			throws InterruptedException {
		List<Integer> already = streams.stream().map((stream) -> stream.events().size()).toList();
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
				if (!EventDeliveryBenchmark.post(baseUrl + "/tmf-api/partyInteraction/v5/partyInteraction", token,
						EventDeliveryBenchmark.change())) {
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
		int expected = total - failed.get();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		for (int i = 0; i < streams.size(); i++) {
			while (streams.get(i).events().size() - already.get(i) < expected && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		List<Long> delays = new ArrayList<>();
		int received = 0;
		for (int i = 0; i < streams.size(); i++) {
			List<EventStreamClient.Received> events = streams.get(i).events();
			for (EventStreamClient.Received event : events.subList(already.get(i), events.size())) {
				Matcher time = EVENT_TIME.matcher(event.data());
				if (time.find()) {
					delays.add(Duration.between(Instant.parse(time.group(1)), event.receivedAt()).toMillis());
				}
				received++;
			}
		}
		Collections.sort(delays);
		return new Result(new Phase(rate, achieved, total, failed.get(), (total - failed.get()) * streams.size(),
				delays, 0, List.of(), CpuMeter.Usage.none()), received, streams.size());
	}

	/** The heap in use once a full collection has left only what is reachable. */
	private static long heapAfterCollection(ServiceProcess service, String token) throws Exception {
		Process collect = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(service.pid()), "GC.run")
			.redirectErrorStream(true)
			.start();
		collect.getInputStream().readAllBytes();
		collect.waitFor();
		HttpResponse<String> metric = http.send(HttpRequest
			.newBuilder(URI.create(service.baseUrl() + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher used = HEAP_USED.matcher(metric.body());
		if (!used.find()) {
			throw new IOException("No heap figure: " + metric.body());
		}
		return (long) Double.parseDouble(used.group(1));
	}

	private record Result(Phase phase, int received, int streams) {

		String describe(int rate, int active, int idle) {
			return String.format(
					"%4d/s target, %.0f/s achieved, %d changes (%d failed), %d of %d events on %d "
							+ "streams%s: median %d ms, p99 %d ms",
					rate, this.phase.achieved(), this.phase.sent(), this.phase.failed(), this.received,
					(this.phase.sent() - this.phase.failed()) * this.streams, active,
					(idle > 0) ? " beside " + idle + " idle streams" : "", this.phase.median(), this.phase.p99());
		}

	}

}
