package org.crmbackoffice.inventory.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.jobs.JobLocks;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit runs as background jobs, one at a time across all instances: the database refuses
 * a second running run (a partial unique index), and starts are serialised by an advisory
 * lock. A run is worked through in chunks by {@code crm.quality.workers} threads of the
 * instance that started it, joined by the other instances' when they next look for
 * running runs; each chunk commits with the run's progress and heartbeat. A run whose
 * heartbeat has gone stale (every instance working on it crashed or was stopped) is taken
 * over at start-up and then every {@code crm.quality.stale-after}, and continues with the
 * chunks not done.
 */
@Service
class QualityRuns implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(QualityRuns.class);

	/** The name of the lock that serialises starting runs. */
	static final String START = "quality-run-start";

	private static final String COLUMNS = """
			id, status, data_source, requested_by, started_at, finished_at, total, checked, findings, heartbeat_at,
			segment_started_at, segment_checked, failure""";

	private final JdbcClient jdbc;

	private final QualityChunks chunks;

	private final TransactionTemplate transaction;

	private final QualityProperties properties;

	private final Clock clock;

	private final JobLocks locks;

	/**
	 * Who this instance is as a run's owner: its process and host (a pod's name on
	 * Kubernetes), so that an operator can tell which instance works a run, and a random
	 * part, since a context can stop and start again in one process.
	 */
	private final String owner = ProcessHandle.current().pid() + "@"
			+ Objects.requireNonNullElse(System.getenv("HOSTNAME"), "localhost") + "/" + UUID.randomUUID();

	/**
	 * Made anew on each start: a stopped context (Spring's test framework pauses cached
	 * ones) starts again.
	 */
	private volatile ExecutorService jobs;

	/** The runs this instance's workers work on, with how many of them are at it. */
	private final Map<UUID, AtomicInteger> working = new ConcurrentHashMap<>();

	private volatile boolean running;

	/** How many threads of this instance work on a run: see {@link #workers}. */
	private final int workers;

	QualityRuns(JdbcClient jdbc, QualityChunks chunks, TransactionTemplate transaction, QualityProperties properties,
			Clock clock, JobLocks locks, MeterRegistry meters, DataSource dataSource) {
		Gauge.builder("crm.quality.runs.running", () -> runningRun().isPresent() ? 1 : 0)
			.description("Data-quality runs running, on any instance (at most one)")
			.register(meters);
		this.locks = locks;
		this.jdbc = jdbc;
		this.chunks = chunks;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
		this.workers = workers(properties.workers(), Runtime.getRuntime().availableProcessors(), poolSize(dataSource));
		this.jobs = newJobs(this.workers);
	}

	/**
	 * The threads an instance sets on a run. Each holds a database connection while it
	 * checks a chunk, and planning holds one for the run while that many threads fill the
	 * birth-date blocks: a run takes up to one connection more than it has threads. It
	 * takes no more than half the pool, so that requests and the event hub keep the other
	 * half however many processors the host has.
	 * @param configured {@code crm.quality.workers}; 0 for as many as there are
	 * processors
	 * @param poolSize the connection pool's size, if known
	 * @throws IllegalStateException if the configured workers would take more than half
	 * the pool
	 */
	static int workers(int configured, int processors, OptionalInt poolSize) {
		int spare = poolSize.isPresent() ? Math.max(1, poolSize.getAsInt() / 2 - 1) : Integer.MAX_VALUE;
		if (configured == 0) {
			return Math.min(processors, spare);
		}
		if (configured > spare) {
			throw new IllegalStateException(("crm.quality.workers=%d would take %d of the %d connections of the pool "
					+ "(spring.datasource.hikari.maximum-pool-size) while a run plans, and leave requests too few: "
					+ "at most %d workers fit, or the pool must have at least %d")
				.formatted(configured, configured + 1, poolSize.getAsInt(), spare, 2 * (configured + 1)));
		}
		return configured;
	}

	private static OptionalInt poolSize(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class)
					? OptionalInt.of(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize())
					: OptionalInt.empty();
		}
		catch (SQLException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * Starts a run over all customers, or those the given system fed, and works through
	 * it in the background.
	 * @throws ApiProblemException 409 naming the running run while there is one
	 */
	Run start(String dataSource, String requestedBy) {
		return start(dataSource, requestedBy, null);
	}

	/**
	 * @param scheduledFor the schedule's tick this run is started for; null for a run
	 * someone asked for
	 * @throws ApiProblemException 409 while a run is running, or when the tick's run was
	 * started already
	 */
	private Run start(String dataSource, String requestedBy, Instant scheduledFor) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		try {
			this.transaction.executeWithoutResult((status) -> {
				boolean locked = this.locks.tryLock(START);
				Optional<UUID> current = runningRun();
				if (!locked || current.isPresent()) {
					throw alreadyRunning(current.orElse(null));
				}
				if (scheduledFor != null
						&& this.jdbc.sql("select count(*) from quality_run where scheduled_for = :tick")
							.param("tick", Timestamp.from(scheduledFor))
							.query(Long.class)
							.single() > 0) {
					throw new ApiProblemException(ProblemType.CONFLICT,
							"The run scheduled for " + scheduledFor + " was started by another instance.");
				}
				long total = this.jdbc
					.sql("select count(*) from customer c where c.erased_at is null"
							+ ((dataSource != null) ? " and c.data_source = :scope" : ""))
					.param("scope", dataSource)
					.query(Long.class)
					.single();
				this.jdbc.sql("""
						insert into quality_run (id, status, data_source, requested_by, started_at, total, owner,
						    heartbeat_at, segment_started_at, scheduled_for)
						values (:id, 'running', :scope, :by, :now, :total, :owner, :now, :now, :tick)""")
					.param("id", id)
					.param("scope", dataSource)
					.param("by", requestedBy)
					.param("now", Timestamp.from(now))
					.param("total", total)
					.param("owner", this.owner)
					.param("tick", (scheduledFor != null) ? Timestamp.from(scheduledFor) : null)
					.update();
			});
		}
		catch (DuplicateKeyException ex) {
			throw alreadyRunning(runningRun().orElse(null));
		}
		submit(id);
		return find(id).orElseThrow();
	}

	/**
	 * @throws ApiProblemException 404 for an unknown run, 409 for one that is not running
	 */
	Run cancel(UUID id) {
		int cancelled = this.jdbc.sql("""
				update quality_run set status = 'cancelled', finished_at = :now, owner = null
				where id = :id and status = 'running'""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		Run run = find(id).orElseThrow(() -> ApiProblemException.notFound("quality run", id.toString()));
		if (cancelled == 0) {
			throw new ApiProblemException(ProblemType.CONFLICT,
					"Run " + id + " is " + run.status() + " and cannot be cancelled.");
		}
		return run;
	}

	Optional<Run> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from quality_run where id = :id")
			.param("id", id)
			.query(this::run)
			.optional();
	}

	List<Run> latest(long offset, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from quality_run order by started_at desc, id offset :offset "
					+ "limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(this::run)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from quality_run").query(Long.class).single();
	}

	/**
	 * Starts a run on the schedule ({@code crm.quality.schedule}), unless one is running
	 * already or another instance started this tick's.
	 */
	@Scheduled(cron = "${crm.quality.schedule:-}")
	void startScheduled() {
		Instant tick = ScheduleTicks.latest(CronExpression.parse(this.properties.schedule()),
				ZonedDateTime.now(this.clock.withZone(ZoneId.systemDefault())));
		try {
			start(null, "schedule", tick);
		}
		catch (ApiProblemException ex) {
			logger.info("No scheduled data-quality run: {}", ex.getMessage());
		}
	}

	/**
	 * Takes over a running run whose heartbeat has gone stale, and continues it with the
	 * chunks not done.
	 * @return the run taken over, if any
	 */
	Optional<UUID> resumeInterrupted() {
		Instant now = this.clock.instant();
		List<UUID> taken = this.jdbc.sql("""
				update quality_run set owner = :owner, heartbeat_at = :now, segment_started_at = :now,
				    segment_checked = checked
				where status = 'running' and heartbeat_at < :staleBefore returning id""")
			.param("owner", this.owner)
			.param("now", Timestamp.from(now))
			.param("staleBefore", Timestamp.from(now.minus(this.properties.staleAfter())))
			.query(UUID.class)
			.list();
		taken.forEach((id) -> {
			logger.info("Resuming data-quality run {} with the chunks not done", id);
			submit(id);
		});
		return taken.stream().findFirst();
	}

	/**
	 * Lends this instance's workers to a run another instance started.
	 * @return the run joined, if any
	 */
	Optional<UUID> joinRunning() {
		Optional<UUID> running = runningRun().filter((id) -> !this.working.containsKey(id));
		running.ifPresent((id) -> {
			logger.info("Joining data-quality run {}", id);
			submit(id);
		});
		return running;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(initialDelayString = "${crm.quality.stale-after:PT2M}",
			fixedDelayString = "${crm.quality.stale-after:PT2M}")
	void takeOverStaleRuns() {
		resumeInterrupted();
		joinRunning();
	}

	/**
	 * Sets this instance's workers on a run, unless they work on it already. The run is
	 * planned first, once: no worker waits for the plan holding a connection of its own.
	 */
	private void submit(UUID id) {
		if (this.working.putIfAbsent(id, new AtomicInteger(this.workers)) != null) {
			return;
		}
		this.jobs.execute(() -> {
			if (!failOnError(id, () -> this.chunks.plan(id, this.properties.chunkSize(), this.workers))) {
				this.working.remove(id);
				return;
			}
			try {
				for (int i = 0; i < this.workers; i++) {
					this.jobs.execute(() -> {
						try {
							failOnError(id, () -> work(id));
						}
						finally {
							this.working.computeIfPresent(id,
									(run, left) -> (left.decrementAndGet() > 0) ? left : null);
						}
					});
				}
			}
			catch (RejectedExecutionException ex) {
				// This instance stops: the run is taken over once its heartbeat is stale.
				logger.info("Data-quality run {} left planned: this instance stops", id);
			}
		});
	}

	/**
	 * Claims and checks chunks until none is left to claim, the run stops running or this
	 * instance stops; the worker that commits the run's last chunk completes it.
	 */
	private void work(UUID id) {
		while (this.running) {
			Optional<QualityChunks.Chunk> chunk = this.chunks.claim(id, this.owner,
					this.clock.instant().minus(this.properties.staleAfter()));
			if (chunk.isEmpty()) {
				this.chunks.completeIfDone(id);
				return;
			}
			if (chunk.get().previous() != null) {
				logger.info("Resuming data-quality run {} at the chunk up to {}, which {} left unfinished", id,
						chunk.get().upto(), chunk.get().previous());
			}
			if (!this.chunks.check(chunk.get(), this.owner)) {
				return;
			}
		}
	}

	/**
	 * Marks the run failed, with the reason, if the step fails.
	 * @return whether the step succeeded
	 */
	private boolean failOnError(UUID id, Runnable step) {
		try {
			step.run();
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Data-quality run {} failed", id, ex);
			this.jdbc
				.sql("update quality_run set status = 'failed', finished_at = :now, failure = :failure "
						+ "where id = :id and status = 'running'")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("failure",
						String.valueOf(ex.getMessage())
							.substring(0, Math.min(1000, String.valueOf(ex.getMessage()).length())))
				.param("id", id)
				.update();
			return false;
		}
	}

	private Optional<UUID> runningRun() {
		return this.jdbc.sql("select id from quality_run where status = 'running'").query(UUID.class).optional();
	}

	private static ApiProblemException alreadyRunning(UUID current) {
		return new ApiProblemException(ProblemType.CONFLICT, "A data-quality run is running; one runs at a time.",
				(current != null) ? Map.<String, Object>of("runningRun", current.toString()) : Map.of());
	}

	private Run run(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Run(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("data_source"),
				rs.getString("requested_by"), rs.getTimestamp("started_at").toInstant(),
				(finished != null) ? finished.toInstant() : null, rs.getLong("total"), rs.getLong("checked"),
				rs.getLong("findings"), rs.getTimestamp("heartbeat_at").toInstant(),
				rs.getTimestamp("segment_started_at").toInstant(), rs.getLong("segment_checked"),
				rs.getString("failure"));
	}

	@Override
	public void start() {
		if (this.jobs.isShutdown()) {
			this.jobs = newJobs(this.workers);
		}
		this.running = true;
	}

	private static ExecutorService newJobs(int workers) {
		AtomicInteger threads = new AtomicInteger();
		return Executors.newFixedThreadPool(workers, (task) -> {
			Thread thread = new Thread(task, "quality-audit-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Stops after the chunks in hand: the run stays running with its last heartbeat, and
	 * this or another instance takes it over once that is stale.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.jobs.shutdown();
		this.working.clear();
		try {
			this.jobs.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** A run as stored; {@link QualityRunController} shows it with its rate and ETA. */
	record Run(UUID id, String status, String dataSource, String requestedBy, Instant startedAt, Instant finishedAt,
			long total, long checked, long findings, Instant heartbeatAt, Instant segmentStartedAt, long segmentChecked,
			String failure) {

		/** Customers checked per second since this instance took the run on. */
		Double recordsPerSecond(Instant now) {
			Instant end = (this.finishedAt != null) ? this.finishedAt : now;
			double seconds = Duration.between(this.segmentStartedAt, end).toMillis() / 1000.0;
			long done = this.checked - this.segmentChecked;
			return (seconds > 0 && done > 0) ? done / seconds : null;
		}

		Instant estimatedCompletion(Instant now) {
			Double rate = recordsPerSecond(now);
			if (!"running".equals(this.status) || rate == null) {
				return null;
			}
			return now.plusMillis((long) (Math.max(0, this.total - this.checked) / rate * 1000));
		}

	}

}
