package org.crmbackoffice.support.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;

/**
 * A circuit breaker per listener: after {@value #FAILURES_IN_A_ROW} calls in a row that
 * got no answer, a server error or a 429, the listener's circuit opens and its deliveries
 * are not claimed, so a listener that is down or hangs costs neither calls, connections
 * and in-flight places nor a recorded attempt per delivery. One probe delivery goes out
 * after the first retry interval, doubling up to the longest one while the listener stays
 * away; an answer closes the circuit and the waiting deliveries follow in order. Each
 * instance keeps its own circuits.
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
	 * Which listeners a claim passes over (their circuit is open, or its probe is under
	 * way) and which get their one probe now. A probe must be reported with
	 * {@link #record}, or given back with {@link #giveBack} when the claim found nothing
	 * for it.
	 */
	Admission admission() {
		Set<UUID> passedOver = new HashSet<>();
		Set<UUID> probes = new HashSet<>();
		this.circuits.forEach((listener, circuit) -> {
			CircuitBreaker.State state = circuit.getState();
			if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN) {
				// Half open, the permission is free again when the last probe found
				// nothing to send.
				(circuit.tryAcquirePermission() ? probes : passedOver).add(listener);
			}
		});
		return new Admission(passedOver, probes);
	}

	void giveBack(UUID probedListener) {
		circuitOf(probedListener).releasePermission();
	}

	/**
	 * Whether a delivery claimed while the listener's circuit was closed may still call
	 * it: the circuit may have opened since; if so, the outcome must be reported with
	 * {@link #record}.
	 */
	boolean mayCall(UUID listener) {
		return circuitOf(listener).tryAcquirePermission();
	}

	boolean isClosed(UUID listener) {
		return circuitOf(listener).getState() == CircuitBreaker.State.CLOSED;
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

	/**
	 * @param passedOver listeners that get no delivery now
	 * @param probes listeners that get one delivery, their probe
	 */
	record Admission(Set<UUID> passedOver, Set<UUID> probes) {
	}

	/** Why the circuit counted an attempt as failed. */
	static final class ListenerUnavailable extends RuntimeException {

		ListenerUnavailable(String reason) {
			super(reason, null, false, false);
		}

	}

}
