package org.crmbackoffice.support.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.crmbackoffice.support.problem.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The token buckets of one service, one row each in its {@code rate_limit_bucket} table,
 * so that every instance takes from the same budget. A bucket's row goes once the bucket
 * has refilled: an idle caller costs nothing.
 */
class RequestBudgets {

	private static final Logger log = LoggerFactory.getLogger(RequestBudgets.class);

	private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final Duration window;

	private final long pauseAfterFailureNanos;

	/** Until when requests go uncounted, because the store failed. */
	private final AtomicLong countAgainAt = new AtomicLong(System.nanoTime());

	private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

	/**
	 * The buckets this instance used lately; each batches concurrent requests of its
	 * caller into one update.
	 */
	private final Cache<String, BucketProxy> recent;

	/**
	 * @param window the period a budget refills over
	 * @param pauseAfterFailure how long requests go uncounted once the store failed;
	 * without a pause each request would first wait out the pool's connection timeout for
	 * its budget, then again for its own work
	 */
	RequestBudgets(DataSource dataSource, Duration window, Duration pauseAfterFailure) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
		this.recent = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(2)).build();
		this.window = window;
		this.pauseAfterFailureNanos = pauseAfterFailure.toNanos();
	}

	Duration window() {
		return this.window;
	}

	/**
	 * Takes one request from a caller's budget of {@code capacity} requests per window.
	 * @return where the caller stands; empty when the budgets cannot be read now, and the
	 * request goes uncounted
	 * @throws DataAccessResourceFailureException when they cannot be read because the
	 * database is unreachable
	 */
	Optional<ConsumptionProbe> take(String caller, long capacity) {
		if (System.nanoTime() - this.countAgainAt.get() < 0) {
			return Optional.empty();
		}
		// The budget is part of the key, so that a changed budget starts a new bucket
		// instead of meeting the old one.
		String key = caller + "|" + capacity + "/" + this.window.toMillis() + "ms";
		try {
			BucketProxy bucket = this.recent.get(key,
					(ignored) -> this.buckets.builder()
						.withOptimization(Optimizations.batching())
						.build(key,
								() -> BucketConfiguration.builder()
									.addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, this.window))
									.build()));
			return Optional.of(bucket.tryConsumeAndReturnRemaining(1));
		}
		catch (RuntimeException ex) {
			// Without its budget store the service cannot count, but it can still serve:
			// refusing everyone would
			// turn a hiccup of the store into an outage of every client. Pausing spares
			// the next requests the wait.
			this.countAgainAt.set(System.nanoTime() + this.pauseAfterFailureNanos);
			warnNowAndThen(ex);
			if (DatabaseFailures.isUnreachable(ex)) {
				// The store is the service's own database, which this request would now
				// wait for a second time.
				throw new DataAccessResourceFailureException("The database holding the request budgets is unreachable",
						ex);
			}
			return Optional.empty();
		}
	}

	/**
	 * Deletes the rows of buckets that have refilled; safe to run on every instance at
	 * once.
	 */
	int removeRefilled(int batchSize) {
		return this.buckets.removeExpired(batchSize);
	}

	private void warnNowAndThen(RuntimeException ex) {
		long last = this.lastWarned.get();
		long now = System.nanoTime();
		if (now - last >= WARN_EVERY_NANOS && this.lastWarned.compareAndSet(last, now)) {
			log.warn("Rate limits are not enforced: the budget store cannot be reached", ex);
		}
	}

}
