package org.crmbackoffice.support.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a sender that failed tries again: exponential backoff with jitter, so that many
 * failed deliveries do not all come back at the same moment, capped so that a long outage
 * is still retried at a steady pace. The same policy serves every retrying sender
 * (webhook deliveries, partner messages).
 *
 * @param first the longest wait before the first retry; retries wait at least half of it
 * @param max the longest wait between two attempts
 */
public record Backoff(Duration first, Duration max) {

	/**
	 * How long to wait before the attempt after {@code attempts} failed ones: up to first
	 * x 2^(attempts-1).
	 */
	public Duration delay(int attempts) {
		long ceiling = ceiling(attempts);
		long floor = Math.min(this.first.toMillis() / 2, ceiling);
		return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
	}

	/** The longest a series of {@code attempts} tries can wait between them in all. */
	public Duration longestSeries(int attempts) {
		long total = 0;
		for (int failed = 1; failed < attempts; failed++) {
			total += ceiling(failed);
		}
		return Duration.ofMillis(total);
	}

	private long ceiling(int attempts) {
		return Math.min(this.max.toMillis(), this.first.toMillis() << Math.min(Math.max(attempts, 1) - 1, 30));
	}

	/**
	 * The wait a server asked for in a {@code Retry-After} header (RFC 9110: seconds or
	 * an HTTP date), at most {@link #max()}; empty when the header is absent, unreadable
	 * or in the past.
	 */
	public Optional<Duration> retryAfter(String header, Instant now) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		Duration wait;
		try {
			wait = Duration.ofSeconds(Long.parseLong(header.trim()));
		}
		catch (NumberFormatException notSeconds) {
			try {
				wait = Duration.between(now, ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
			}
			catch (DateTimeParseException unreadable) {
				return Optional.empty();
			}
		}
		if (wait.isNegative()) {
			return Optional.empty();
		}
		return Optional.of((wait.compareTo(this.max) > 0) ? this.max : wait);
	}

}
