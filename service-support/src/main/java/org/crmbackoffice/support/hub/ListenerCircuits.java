package org.crmbackoffice.support.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;

/**
 * A circuit breaker per listener: after {@value #FAILURES_IN_A_ROW} attempts in a row
 * that got no answer, a server error or a 429, the listener's further deliveries fail at
 * once without a call, so a listener that is down or hangs does not hold connections and
 * in-flight places for the length of a timeout each. One probe goes through after the
 * first retry interval, doubling up to the longest one while the listener stays away.
 * Each instance keeps its own circuits.
 */
class ListenerCircuits {

	static final int FAILURES_IN_A_ROW = 5;

	private final Map<UUID, CircuitBreaker> circuits = new ConcurrentHashMap<>();

	private final CircuitBreakerConfig config;

	ListenerCircuits(HubProperties properties, Clock clock) {
		this.config = CircuitBreakerConfig.custom()
			.slidingWindow(FAILURES_IN_A_ROW, FAILURES_IN_A_ROW, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(100)
			.permittedNumberOfCallsInHalfOpenState(1)
			.waitIntervalFunctionInOpenState(
					IntervalFunction.ofExponentialBackoff(properties.firstRetry(), 2, properties.maxRetry()))
			.clock(clock)
			.build();
	}

	/**
	 * Whether an attempt to deliver to the listener may call it now; if so, the attempt's
	 * outcome must be reported with {@link #record}.
	 */
	boolean mayCall(UUID listener) {
		return circuitOf(listener).tryAcquirePermission();
	}

	void record(UUID listener, DeliveryOutcome outcome, Duration took) {
		CircuitBreaker circuit = circuitOf(listener);
		Integer status = outcome.statusCode();
		if (status == null || status >= 500 || status == 429) {
			circuit.onError(took.toNanos(), TimeUnit.NANOSECONDS, new ListenerUnavailable(outcome.error()));
		}
		else {
			circuit.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	private CircuitBreaker circuitOf(UUID listener) {
		return this.circuits.computeIfAbsent(listener, (id) -> CircuitBreaker.of(id.toString(), this.config));
	}

	/** Why the circuit counted an attempt as failed. */
	static final class ListenerUnavailable extends RuntimeException {

		ListenerUnavailable(String reason) {
			super(reason, null, false, false);
		}

	}

}
