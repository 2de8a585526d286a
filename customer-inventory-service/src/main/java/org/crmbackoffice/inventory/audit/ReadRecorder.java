package org.crmbackoffice.inventory.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the entries of reads by group commit, so that no record leaves the service before its access entry is
 * durable. A request hands its entries to the instance's one writer thread and waits until they are committed;
 * the writer takes everything that queued up while it wrote the previous batch and appends it to the access chain
 * in one transaction. Under load the batches grow and the cost per entry shrinks, without a linger that every read
 * would wait for. A batch that cannot be written fails all its requests with 503: a refused read is no record
 * that left unrecorded. Entries of an answer that gave up waiting may still commit: the trail then names a read
 * that was refused, which over-reports an access but never hides one.
 */
@Component
class ReadRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadRecorder.class);

	/** Within the shutdown phase's timeout, so that a database gone away cannot hold up the stop for ever. */
	private static final long STOP_TIMEOUT_MILLIS = 10_000;

	private final BlockingQueue<Submission> queue;

	private final AuditChains chains;

	private final TransactionTemplate transaction;

	private final AuditProperties.ReadQueue settings;

	private final AtomicLong submitted = new AtomicLong();

	/** Guards writing, so that a flush and the writer thread never append at the same time within an instance. */
	private final Object writing = new Object();

	/** Submissions committed or refused, under {@link #writing}. */
	private long settled;

	private volatile boolean running;

	private volatile Thread writer;

	ReadRecorder(AuditChains chains, PlatformTransactionManager transactions, AuditProperties properties,
			MeterRegistry meters) {
		this.chains = chains;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = properties.readQueue();
		this.queue = new ArrayBlockingQueue<>(this.settings.capacity());
		Gauge.builder("crm.audit.backlog", this.queue, BlockingQueue::size)
			.description("Answers waiting for their read entries to be written to the audit trail")
			.register(meters);
	}

	/**
	 * Returns once the entries are committed.
	 * @throws ApiProblemException 503 when the trail cannot take the entries in time: the read is refused rather
	 * than served unrecorded
	 */
	void record(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Submission submission = new Submission(entries, new CompletableFuture<>());
		try {
			if (!this.queue.offer(submission, this.settings.offerTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				throw unavailable("The audit trail cannot record this read right now. Try again shortly.", null);
			}
			this.submitted.incrementAndGet();
			submission.committed().get(this.settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("The read was interrupted before it was recorded.", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw unavailable("The audit trail could not record this read in time. Try again shortly.", ex);
		}
	}

	private static ApiProblemException unavailable(String detail, Exception cause) {
		return new ApiProblemException(ProblemType.AUDIT_UNAVAILABLE, detail, List.of(), cause);
	}

	/** Returns once every entry handed over before the call is committed or refused. */
	void flush() {
		long target = this.submitted.get();
		synchronized (this.writing) {
			while (!this.queue.isEmpty()) {
				writeOrRefuse(nextBatch(new ArrayList<>()));
			}
			while (this.settled < target) {
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
		while (this.running || !this.queue.isEmpty()) {
			try {
				Submission first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				List<Submission> batch = new ArrayList<>();
				batch.add(first);
				synchronized (this.writing) {
					writeOrRefuse(nextBatch(batch));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Adds what queued up meanwhile, up to about a batch of entries. */
	private List<Submission> nextBatch(List<Submission> batch) {
		int entries = batch.stream().mapToInt((submission) -> submission.entries().size()).sum();
		Submission next;
		while (entries < this.settings.batchSize() && (next = this.queue.poll()) != null) {
			batch.add(next);
			entries += next.entries().size();
		}
		return batch;
	}

	/** Called while holding {@link #writing}. */
	private void writeOrRefuse(List<Submission> batch) {
		try {
			List<AuditEntry> entries = new ArrayList<>();
			batch.forEach((submission) -> entries.addAll(submission.entries()));
			this.transaction.executeWithoutResult((status) -> this.chains.append(AuditChains.ACCESS, entries));
			batch.forEach((submission) -> submission.committed().complete(null));
		}
		catch (RuntimeException ex) {
			log.warn("Writing the entries of {} reads to the audit trail failed; the reads are refused", batch.size(),
					ex);
			batch.forEach((submission) -> submission.committed().completeExceptionally(ex));
		}
		this.settled += batch.size();
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
				log.error("The audit trail could not be written while stopping; {} reads waiting for it are refused",
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

	/** The entries of one answer, and what its request waits for. */
	private record Submission(List<AuditEntry> entries, CompletableFuture<Void> committed) {
	}

}
