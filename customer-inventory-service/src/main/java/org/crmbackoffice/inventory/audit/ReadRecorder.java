package org.crmbackoffice.inventory.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the entries of reads in the background, so that recording them costs a request no more than putting them
 * in a bounded queue. One writer thread per instance takes whatever queues up within a short linger, up to a batch,
 * and appends it to the access chain in one transaction; under load the batches grow and the cost per entry
 * shrinks. A request that finds the queue full waits a little for room and then fails rather than read unrecorded.
 * The queue is drained when the service stops, after the web server stopped taking requests; what a hard crash
 * loses is what was queued and not yet committed (the linger and the time to write a batch), which the
 * {@code crm.audit.backlog} gauge shows.
 */
@Component
class ReadRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadRecorder.class);

	/** Within the shutdown phase's timeout, so that a database gone away cannot hold up the stop for ever. */
	private static final long STOP_TIMEOUT_MILLIS = 10_000;

	private final BlockingQueue<AuditEntry> queue;

	private final AuditChains chains;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditProperties.ReadQueue settings;

	private final AtomicLong queued = new AtomicLong();

	/** Guards writing, so that a flush and the writer thread never append at the same time within an instance. */
	private final Object writing = new Object();

	private long written;

	private volatile boolean running;

	private volatile Thread writer;

	ReadRecorder(AuditChains chains, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			AuditProperties properties, MeterRegistry meters) {
		this.chains = chains;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = properties.readQueue();
		this.queue = new ArrayBlockingQueue<>(this.settings.capacity());
		Gauge.builder("crm.audit.backlog", this.queue, BlockingQueue::size)
			.description("Read entries waiting to be written to the audit trail")
			.register(meters);
	}

	/**
	 * @throws ApiProblemException 503 when the trail cannot take the entries in time: the read is refused rather
	 * than served unrecorded
	 */
	void record(List<AuditEntry> entries) {
		try {
			for (AuditEntry entry : entries) {
				if (!this.queue.offer(entry, this.settings.offerTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
					throw new ApiProblemException(ProblemType.AUDIT_UNAVAILABLE,
							"The audit trail cannot record this read right now. Try again shortly.");
				}
				this.queued.incrementAndGet();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiProblemException(ProblemType.AUDIT_UNAVAILABLE, "The read was interrupted before it was "
					+ "recorded.");
		}
	}

	/** Returns once every entry queued before the call is committed. */
	void flush() {
		long target = this.queued.get();
		synchronized (this.writing) {
			while (!this.queue.isEmpty()) {
				List<AuditEntry> batch = new ArrayList<>(this.settings.batchSize());
				this.queue.drainTo(batch, this.settings.batchSize());
				write(batch);
			}
			while (this.written < target) {
				try {
					this.writing.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while flushing the audit trail", ex);
				}
			}
		}
	}

	int backlog() {
		return this.queue.size();
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::work, "audit-read-writer");
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	private void work() {
		long backoff = 100;
		List<AuditEntry> batch = new ArrayList<>(this.settings.batchSize());
		while (this.running || !batch.isEmpty()) {
			try {
				if (batch.isEmpty()) {
					AuditEntry first = this.queue.poll(200, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
					linger(batch);
				}
				synchronized (this.writing) {
					this.queue.drainTo(batch, this.settings.batchSize() - batch.size());
					write(batch);
				}
				batch = new ArrayList<>(this.settings.batchSize());
				backoff = 100;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The batch is kept and tried again: entries are never dropped while the database is away.
				log.warn("Writing {} read entries to the audit trail failed; trying again in {} ms", batch.size(),
						backoff, ex);
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = Math.min(backoff * 2, 5000);
			}
		}
	}

	/**
	 * Lets the batch fill for a moment before it is written: a transaction per handful of reads would cost the
	 * database more than the reads themselves, and the wait only delays entries that nobody waits for.
	 */
	private void linger(List<AuditEntry> batch) throws InterruptedException {
		long deadline = System.nanoTime() + this.settings.linger().toNanos();
		while (this.running && batch.size() < this.settings.batchSize()) {
			this.queue.drainTo(batch, this.settings.batchSize() - batch.size());
			long left = deadline - System.nanoTime();
			if (left <= 0 || batch.size() >= this.settings.batchSize()) {
				return;
			}
			AuditEntry next = this.queue.poll(left, TimeUnit.NANOSECONDS);
			if (next == null) {
				return;
			}
			batch.add(next);
		}
	}

	/** Called while holding {@link #writing}. */
	private void write(List<AuditEntry> batch) {
		this.transaction.executeWithoutResult((status) -> {
			// Reads may be lost on a crash anyway (the queue); not waiting for the WAL flush of each batch widens
			// that window only by PostgreSQL's WAL writer delay, and only for a crash of the database server.
			this.jdbc.queryForObject("select set_config('synchronous_commit', 'off', true)", String.class);
			this.chains.append(AuditChains.ACCESS, batch);
		});
		this.written += batch.size();
		this.writing.notifyAll();
	}

	/** Stops after the web server (a lower phase), so no read arrives once the queue was drained. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.writer;
		if (thread != null) {
			try {
				thread.join(STOP_TIMEOUT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (thread.isAlive()) {
				log.error("The audit trail could not be written while stopping; {} read entries are lost",
						this.queue.size());
				return;
			}
		}
		flush();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
