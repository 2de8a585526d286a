package org.crmbackoffice.support.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

	@Test
	void waitsLongerAfterEachFailureUpToTheMaximum() {
		assertThat(delays(1))
			.allSatisfy((delay) -> assertThat(delay).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
		assertThat(delays(3))
			.allSatisfy((delay) -> assertThat(delay).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(40)));
		assertThat(delays(40))
			.allSatisfy((delay) -> assertThat(delay).isBetween(Duration.ofSeconds(5), Duration.ofMinutes(5)));
	}

	@Test
	void spreadsTheRetriesOfManyFailuresOverTheWindow() {
		assertThat(delays(4).distinct().count()).as("distinct delays of 200 senders").isGreaterThan(150);
	}

	@Test
	void retriesAtOnceWhenTheFirstWaitIsZero() {
		assertThat(new Backoff(Duration.ZERO, Duration.ofMinutes(1)).delay(7)).isZero();
	}

	@Test
	void honoursRetryAfterInSecondsOrAsAnHttpDate() {
		Instant now = Instant.parse("2026-12-04T10:00:00Z");

		assertThat(this.backoff.retryAfter("120", now)).contains(Duration.ofSeconds(120));
		assertThat(this.backoff.retryAfter("Fri, 04 Dec 2026 10:01:30 GMT", now)).contains(Duration.ofSeconds(90));
		assertThat(this.backoff.retryAfter("86400", now)).as("capped").contains(Duration.ofMinutes(5));
		assertThat(this.backoff.retryAfter("Fri, 04 Dec 2026 09:00:00 GMT", now)).as("in the past").isEmpty();
		assertThat(this.backoff.retryAfter("soon", now)).isEmpty();
		assertThat(this.backoff.retryAfter(null, now)).isEmpty();
	}

	private Stream<Duration> delays(int attempts) {
		return IntStream.range(0, 200).mapToObj((i) -> this.backoff.delay(attempts));
	}

}
