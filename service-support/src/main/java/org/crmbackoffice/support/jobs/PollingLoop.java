package org.crmbackoffice.support.jobs;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import org.slf4j.Logger;

/**
 * The loop of a background worker that works through what a table owes in batches: at
 * once again while there was work, after a pause when there was none, and after a second
 * when a batch failed (the database or the other end is away), until it is told to stop.
 */
public final class PollingLoop {

	private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

	private PollingLoop() {
	}

	/**
	 * Runs on the calling thread until {@code running} turns false or the thread is
	 * interrupted.
	 * @param batch does one batch and says how much it did
	 * @param idle the pause after a batch that found nothing to do
	 * @param failure what the warning says when a batch fails
	 */
	public static void run(BooleanSupplier running, IntSupplier batch, Duration idle, Logger log, String failure) {
		while (running.getAsBoolean()) {
			try {
				if (batch.getAsInt() == 0) {
					Thread.sleep(idle.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn(failure, ex);
				try {
					Thread.sleep(AFTER_FAILURE.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
