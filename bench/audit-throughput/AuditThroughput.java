import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read throughput of two inventory instances on the same database, one recording reads in the audit trail and one
 * not, measured in alternating rounds of the same load so that whatever else the machine does weighs on both
 * alike. Run by run.sh: java AuditThroughput.java TOKEN_URL AUDITED_URL UNAUDITED_URL.
 */
public class AuditThroughput {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	private static final String CUSTOMERS = "/tmf-api/customerManagement/v5/customer";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final int THREADS = Integer.getInteger("threads", 8);

	private static final Duration ROUND = Duration.ofSeconds(Long.getLong("roundSeconds", 15));

	private static final int ROUNDS = Integer.getInteger("rounds", 5);

	private static final int PAGE = Integer.getInteger("page", 20);

	private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("warmUpSeconds", 30));

	/** Every record the audited instance returned, warm-up included: what its trail must hold once it stopped. */
	private static final AtomicLong auditedRecords = new AtomicLong();

	private final String tokenUrl;

	private final List<String> ids;

	AuditThroughput(String tokenUrl, List<String> ids) {
		this.tokenUrl = tokenUrl;
		this.ids = ids;
	}

	public static void main(String[] args) throws Exception {
		String tokenUrl = args[0];
		Target audited = new Target("audited", args[1]);
		Target unaudited = new Target("unaudited", args[2]);
		AuditThroughput bench = new AuditThroughput(tokenUrl, List.of());
		String token = bench.token();
		List<String> ids = new ArrayList<>();
		for (int offset = 0; offset < 5000; offset += 1000) {
			Matcher matcher = ID.matcher(get(unaudited.url + CUSTOMERS + "?fields=id&limit=1000&offset=" + offset,
					token).body());
			while (matcher.find()) {
				ids.add(matcher.group(1));
			}
		}
		bench = new AuditThroughput(tokenUrl, ids);
		System.out.printf("%d customer ids to read; %d threads, %d rounds of %d s per workload and instance%n",
				ids.size(), THREADS, ROUNDS, ROUND.toSeconds());
		for (Workload workload : Workload.values()) {
			System.out.printf("%n== %s%n", workload.description);
			// Warm-up: the JIT, the connection pools and the caches of both, not counted.
			bench.round(workload, audited, WARM_UP);
			bench.round(workload, unaudited, WARM_UP);
			double[] on = new double[ROUNDS];
			double[] off = new double[ROUNDS];
			for (int round = 0; round < ROUNDS; round++) {
				// Alternating which goes first, so that neither always follows the other's backlog or vacuum.
				boolean auditedFirst = round % 2 == 0;
				Result first = bench.round(workload, auditedFirst ? audited : unaudited, ROUND);
				Result second = bench.round(workload, auditedFirst ? unaudited : audited, ROUND);
				Result a = auditedFirst ? first : second;
				Result u = auditedFirst ? second : first;
				on[round] = a.recordsPerSecond();
				off[round] = u.recordsPerSecond();
				System.out.printf("round %d: audited %s | unaudited %s | ratio %.2f%n", round + 1, a, u,
						a.recordsPerSecond() / u.recordsPerSecond());
			}
			double[] ratios = new double[ROUNDS];
			for (int round = 0; round < ROUNDS; round++) {
				ratios[round] = on[round] / off[round];
			}
			// The median of the rounds' ratios: each compares two runs of a few seconds apart, which the drift of
			// a shared machine over the whole benchmark does not.
			System.out.printf("RESULT %s: audited %.0f records/s, unaudited %.0f records/s (medians), ratio %.2f "
					+ "(median of the rounds' ratios, lowest %.2f)%n", workload.name(), median(on), median(off),
					median(ratios), Arrays.stream(ratios).min().orElseThrow());
		}
		System.out.printf("AUDITED_RECORDS %d%n", auditedRecords.get());
	}

	private Result round(Workload workload, Target target, Duration length) throws Exception {
		String token = token();
		long end = System.nanoTime() + length.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<long[]>> counts = new ArrayList<>();
		long started = System.nanoTime();
		for (int thread = 0; thread < THREADS; thread++) {
			counts.add(pool.submit(() -> {
				long requests = 0;
				long records = 0;
				long failures = 0;
				while (System.nanoTime() < end) {
					HttpResponse<String> response = get(target.url + workload.path(this.ids), token);
					if (response.statusCode() != 200) {
						failures++;
						continue;
					}
					requests++;
					records += workload.records(response.body());
				}
				return new long[] { requests, records, failures };
			}));
		}
		long requests = 0;
		long records = 0;
		long failures = 0;
		for (Future<long[]> count : counts) {
			long[] c = count.get();
			requests += c[0];
			records += c[1];
			failures += c[2];
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		if (target.name.equals("audited")) {
			auditedRecords.addAndGet(records);
		}
		if (failures > 0) {
			throw new IllegalStateException(failures + " requests to " + target.name + " failed");
		}
		return new Result(requests / seconds, records / seconds);
	}

	private String token() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.tokenUrl))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("agent:agent-secret".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		Matcher matcher = TOKEN.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		if (!matcher.find()) {
			throw new IllegalStateException("No token from " + this.tokenUrl);
		}
		return matcher.group(1);
	}

	private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("X-Purpose", "audit throughput benchmark")
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	enum Workload {

		SINGLE("single reads: GET /customer/{id} of a random customer, one record per request") {
			@Override
			String path(List<String> ids) {
				return CUSTOMERS + "/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
			}

			@Override
			long records(String body) {
				return 1;
			}
		},

		PAGE("list pages: GET /customer?offset=..&limit=" + AuditThroughput.PAGE
				+ " at a random offset, each record of the page a read") {
			@Override
			String path(List<String> ids) {
				return CUSTOMERS + "?limit=" + AuditThroughput.PAGE + "&offset="
						+ ThreadLocalRandom.current().nextInt(ids.size() - AuditThroughput.PAGE);
			}

			@Override
			long records(String body) {
				Matcher matcher = Pattern.compile("\"@type\":\"Customer\"").matcher(body);
				long count = 0;
				while (matcher.find()) {
					count++;
				}
				return count;
			}
		};

		final String description;

		Workload(String description) {
			this.description = description;
		}

		abstract String path(List<String> ids);

		abstract long records(String body);

	}

	record Target(String name, String url) {
	}

	record Result(double requestsPerSecond, double recordsPerSecond) {

		@Override
		public String toString() {
			return String.format("%6.0f req/s %7.0f records/s", this.requestsPerSecond, this.recordsPerSecond);
		}

	}

}
