package org.crmbackoffice.support.ratelimit;

import java.time.Duration;

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

/**
 * The token buckets of one service, one row each in its {@code rate_limit_bucket} table, so that every instance
 * takes from the same budget. A bucket's row goes once the bucket has refilled: an idle caller costs nothing.
 */
class RequestBudgets {

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	/** The buckets this instance used lately; each batches concurrent requests of its caller into one update. */
	private final Cache<String, BucketProxy> recent;

	RequestBudgets(DataSource dataSource, Duration window) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
		this.recent = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(2)).build();
	}

	/** Takes one request from a caller's budget of {@code capacity} requests per {@code window}. */
	ConsumptionProbe take(String caller, long capacity, Duration window) {
		// The budget is part of the key, so that a changed budget starts a new bucket instead of meeting the old one.
		String key = caller + "|" + capacity + "/" + window.toMillis() + "ms";
		BucketProxy bucket = this.recent.get(key,
				(ignored) -> this.buckets.builder()
					.withOptimization(Optimizations.batching())
					.build(key, () -> BucketConfiguration.builder()
						.addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, window))
						.build()));
		return bucket.tryConsumeAndReturnRemaining(1);
	}

	/** Deletes the rows of buckets that have refilled; safe to run on every instance at once. */
	int removeRefilled(int batchSize) {
		return this.buckets.removeExpired(batchSize);
	}

}
