package org.crmbackoffice.inventory.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the entries of reads by group commit, so that no record leaves the service
 * before its access entry is durable. An answer queues its entries and waits; whichever
 * waiting request finds nobody writing becomes the writer for everything queued so far,
 * appends it to the access chain in one transaction, and wakes the others. Under load the
 * batches grow and the cost per entry shrinks, without a linger that every read would
 * wait for and without handing each batch to another thread, which on a busy machine
 * costs a wait for the CPU each time. A batch that cannot be written fails all its reads
 * with 503: a refused read is no record that left unrecorded.
 */
@Component
class ReadRecorder {

	private static final Logger log = LoggerFactory.getLogger(ReadRecorder.class);

	private final AuditChains chains;

	private final TransactionTemplate transaction;

	private final AuditProperties.ReadQueue settings;

	private final ReentrantLock lock = new ReentrantLock();

	/** Signalled whenever a writer finishes a batch. */
	private final Condition batchDone = this.lock.newCondition();

	/** Answers waiting for a writer, under {@link #lock}. */
	private final Deque<Submission> queue = new ArrayDeque<>();

	/** Whether a request is writing a batch, under {@link #lock}. */
	private boolean writing;

	ReadRecorder(AuditChains chains, PlatformTransactionManager transactions, AuditProperties properties,
			MeterRegistry meters) {
		this.chains = chains;
		this.settings = properties.readQueue();
		this.transaction = new TransactionTemplate(transactions);
		// The writer is itself a waiting request: its statements must give up when the
		// answers would.
		this.transaction.setTimeout((int) Math.max(1, this.settings.commitTimeout().toSeconds()));
		Gauge.builder("crm.audit.backlog", this, ReadRecorder::backlog)
			.description("Answers waiting for their read entries to be written to the audit trail")
			.register(meters);
	}

	/**
	 * Returns once the entries are committed.
	 * @throws ApiProblemException 503 when they cannot be committed in time: the read is
	 * refused rather than served unrecorded
	 */
	void record(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Submission submission = new Submission(entries);
		long deadline = System.nanoTime() + this.settings.commitTimeout().toNanos();
		this.lock.lock();
		try {
			if (this.queue.size() >= this.settings.capacity()) {
				throw unavailable("The audit trail cannot record this read right now. Try again shortly.");
			}
			this.queue.add(submission);
			while (!submission.settled) {
				if (!this.writing) {
					writeQueued();
					continue;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					giveUp(submission);
				}
				this.batchDone.awaitNanos(left);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			giveUp(submission);
		}
		finally {
			this.lock.unlock();
		}
		if (submission.failure != null) {
			throw unavailable("The audit trail could not record this read. Try again shortly.");
		}
	}

	/**
	 * Withdraws an answer that waited too long, if no writer took its entries yet; one
	 * already taken may still commit, and the trail then names a read that was refused,
	 * which over-reports an access but never hides one. Called holding {@link #lock}.
	 */
	private void giveUp(Submission submission) {
		if (!submission.settled) {
			this.queue.remove(submission);
			throw unavailable("The audit trail could not record this read in time. Try again shortly.");
		}
	}

	/**
	 * Writes one batch of what is queued; called holding {@link #lock}, which it releases
	 * while writing.
	 */
	private void writeQueued() {
		List<Submission> batch = new ArrayList<>();
		int entries = 0;
		while (entries < this.settings.batchSize() && !this.queue.isEmpty()) {
			Submission next = this.queue.poll();
			batch.add(next);
			entries += next.entries.size();
		}
		this.writing = true;
		this.lock.unlock();
		RuntimeException failure = null;
		try {
			List<AuditEntry> all = new ArrayList<>(entries);
			batch.forEach((submission) -> all.addAll(submission.entries));
			this.transaction.executeWithoutResult((status) -> this.chains.append(AuditChains.ACCESS, all));
		}
		catch (RuntimeException ex) {
			log.warn("Writing the entries of {} reads to the audit trail failed; the reads are refused", batch.size(),
					ex);
			failure = ex;
		}
		finally {
			this.lock.lock();
			for (Submission submission : batch) {
				submission.failure = failure;
				submission.settled = true;
			}
			this.writing = false;
			this.batchDone.signalAll();
		}
	}

	/** Returns once nothing is queued or being written. */
	void flush() {
		this.lock.lock();
		try {
			while (this.writing || !this.queue.isEmpty()) {
				if (this.writing) {
					this.batchDone.awaitUninterruptibly();
				}
				else {
					writeQueued();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	int backlog() {
		this.lock.lock();
		try {
			return this.queue.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	private static ApiProblemException unavailable(String detail) {
		return new ApiProblemException(ProblemType.AUDIT_UNAVAILABLE, detail);
	}

	/**
	 * The entries of one answer, and whether a writer settled them; its fields are
	 * guarded by the lock.
	 */
	private static final class Submission {

		private final List<AuditEntry> entries;

		private boolean settled;

		private RuntimeException failure;

		Submission(List<AuditEntry> entries) {
			this.entries = entries;
		}

	}

}
