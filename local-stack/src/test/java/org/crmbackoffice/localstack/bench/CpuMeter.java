package org.crmbackoffice.localstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.crmbackoffice.localstack.ServiceProcess;
import org.crmbackoffice.testsupport.TestDatabase;

/**
 * The processor time each part of the benchmarked system takes: each service instance's
 * JVM, the database sessions each one holds (told apart by their application name),
 * PostgreSQL's own background processes, and this JVM, which generates the load and plays
 * the listeners. Alongside, it samples what the database's sessions are busy with every
 * 10 ms and counts the transactions committed. Read before and after a phase, it says
 * where a phase's CPU went, which a delay figure alone cannot.
 */
final class CpuMeter implements AutoCloseable {

	private static final String OTHER_SESSIONS = "PostgreSQL, the benchmark's sessions";

	private static final String BACKGROUND = "PostgreSQL, background processes";

	private final TestDatabase database;

	private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();

	private final Map<String, LongAdder> activeSamples = new ConcurrentHashMap<>();

	private final Thread sampler;

	private volatile boolean sampling = true;

	CpuMeter(TestDatabase database, ServiceProcess api, ServiceProcess dispatcher) {
		this.database = database;
		this.instances.put("api", api);
		if (dispatcher != null) {
			this.instances.put("dispatcher", dispatcher);
		}
		this.sampler = new Thread(this::sample, "statement-sampler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	private void sample() {
		try (Connection connection = connect(); PreparedStatement active = connection.prepareStatement("""
				select query from pg_stat_activity
				where datname = current_database() and state = 'active' and pid <> pg_backend_pid()""")) {
			while (this.sampling) {
				try (ResultSet sessions = active.executeQuery()) {
					while (sessions.next()) {
						this.activeSamples
							.computeIfAbsent(statementKind(sessions.getString(1)), (kind) -> new LongAdder())
							.increment();
					}
				}
				Thread.sleep(10);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Sampling the database's sessions failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String statementKind(String query) {
		String text = query.strip().toLowerCase(Locale.ROOT);
		if (text.startsWith("with due as")) {
			return "claiming deliveries";
		}
		if (text.startsWith("with outcome")) {
			return "recording outcomes";
		}
		if (text.contains("event_outbox") || text.contains("event_delivery")) {
			return "writing events";
		}
		if (text.contains("party_interaction")) {
			return "writing interactions";
		}
		return "other";
	}

	private Connection connect() throws SQLException {
		Properties login = new Properties();
		login.setProperty("user", this.database.username());
		login.setProperty("password", this.database.password());
		login.setProperty("ApplicationName", "benchmark");
		return DriverManager.getConnection(this.database.jdbcUrl(), login);
	}

	@Override
	public void close() throws InterruptedException {
		this.sampling = false;
		this.sampler.join();
	}

	Reading read() throws SQLException {
		Map<String, Long> processes = new HashMap<>();
		Map<String, String> parts = new HashMap<>();
		this.instances.forEach((role, instance) -> {
			processes.put("jvm " + role, cpuMillis(instance.pid()));
			parts.put("jvm " + role, "JVM, " + role + " instance");
		});
		processes.put("jvm bench", cpuMillis(ProcessHandle.current().pid()));
		parts.put("jvm bench", "JVM, load generator and listeners");
		long commits;
		try (Connection connection = connect();
				ResultSet database = connection.createStatement()
					.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
			database.next();
			commits = database.getLong(1);
		}
		Map<String, Long> samples = new HashMap<>();
		this.activeSamples.forEach((kind, count) -> samples.put(kind, count.sum()));
		try (Connection connection = connect(); ResultSet sessions = connection.createStatement().executeQuery("""
				select pid, application_name, backend_type, datname, datname = current_database() as ours
				from pg_stat_activity""")) {
			while (sessions.next()) {
				String part;
				if (!"client backend".equals(sessions.getString("backend_type"))) {
					// Autovacuum and parallel workers of other databases are not this
					// system's.
					if (sessions.getString("datname") != null && !sessions.getBoolean("ours")) {
						continue;
					}
					part = BACKGROUND;
				}
				else if (!sessions.getBoolean("ours")) {
					continue;
				}
				else if (this.instances.containsKey(sessions.getString("application_name"))) {
					part = "PostgreSQL, " + sessions.getString("application_name") + " instance's sessions";
				}
				else {
					part = OTHER_SESSIONS;
				}
				String key = "pid " + sessions.getLong("pid");
				processes.put(key, cpuMillis(sessions.getLong("pid")));
				parts.put(key, part);
			}
		}
		return new Reading(System.nanoTime(), processes, parts, samples, commits);
	}

	private static long cpuMillis(long pid) {
		return ProcessHandle.of(pid)
			.flatMap((process) -> process.info().totalCpuDuration())
			.map(Duration::toMillis)
			.orElse(0L);
	}

	/**
	 * The CPU each process had taken at one moment, and the part of the system it belongs
	 * to.
	 */
	record Reading(long nanoTime, Map<String, Long> millis, Map<String, String> parts, Map<String, Long> samples,
			long commits) {

		/**
		 * What each part took since {@code before}; a process that started since counts
		 * whole, one that ended since is lost (the pools keep their sessions open).
		 */
		Usage since(Reading before) {
			Map<String, Long> byPart = new LinkedHashMap<>();
			for (String part : List.of("JVM, api instance", "PostgreSQL, api instance's sessions",
					"JVM, dispatcher instance", "PostgreSQL, dispatcher instance's sessions",
					"JVM, load generator and listeners", OTHER_SESSIONS, BACKGROUND)) {
				if (this.parts.containsValue(part)) {
					byPart.put(part, 0L);
				}
			}
			this.millis.forEach((process, millis) -> byPart.merge(this.parts.get(process),
					millis - before.millis.getOrDefault(process, 0L), Long::sum));
			Map<String, Long> samples = new TreeMap<>();
			this.samples.forEach((kind, count) -> samples.put(kind, count - before.samples.getOrDefault(kind, 0L)));
			return new Usage(byPart, Duration.ofNanos(this.nanoTime - before.nanoTime), samples,
					this.commits - before.commits);
		}

	}

	/**
	 * The CPU each part of the system took during a phase of the given length, what the
	 * database's sessions were found busy with, and the transactions committed.
	 */
	record Usage(Map<String, Long> millisByPart, Duration wall, Map<String, Long> activeSamples, long commits) {

		static Usage none() {
			return new Usage(Map.of(), Duration.ZERO, Map.of(), 0);
		}

		long totalMillis() {
			return this.millisByPart.values().stream().mapToLong(Long::longValue).sum();
		}

		double millisPerChange(int changes) {
			return (double) totalMillis() / Math.max(1, changes);
		}

		void print(String phase, int changes, int deliveries) {
			StringBuilder line = new StringBuilder("%-16s".formatted(phase));
			this.millisByPart.forEach((part, millis) -> line.append(" %s %.1f;".formatted(part, millis / 1000.0)));
			line.append(" total %.1f s in %.1f s (%.2f processors busy): %.2f ms per change, %.3f ms per delivery"
				.formatted(totalMillis() / 1000.0, this.wall.toMillis() / 1000.0,
						(double) totalMillis() / Math.max(1, this.wall.toMillis()), millisPerChange(changes),
						(double) totalMillis() / Math.max(1, deliveries)));
			long samples = this.activeSamples.values().stream().mapToLong(Long::longValue).sum();
			line.append("%n%16s database sessions busy with:".formatted(""));
			this.activeSamples.forEach(
					(kind, count) -> line.append(" %s %.0f %%;".formatted(kind, 100.0 * count / Math.max(1, samples))));
			line.append(" %d transactions, %.2f per delivery".formatted(this.commits,
					(double) this.commits / Math.max(1, deliveries)));
			System.out.println(line);
		}

	}

}
