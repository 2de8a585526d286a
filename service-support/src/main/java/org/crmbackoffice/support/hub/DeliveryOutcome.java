package org.crmbackoffice.support.hub;

import java.time.Duration;

/**
 * What came of one attempt to deliver an event.
 *
 * @param statusCode the listener's answer, or {@code null} when there was none
 * @param error why the attempt failed, or {@code null} when it succeeded
 * @param retryAfter when the listener asked to be called again, or {@code null}
 */
record DeliveryOutcome(Integer statusCode, String error, Duration retryAfter, long latencyMillis) {

	private static final int MAX_ERROR_LENGTH = 1000;

	static DeliveryOutcome answered(int statusCode, Duration retryAfter, long latencyMillis) {
		return new DeliveryOutcome(statusCode, (statusCode >= 200 && statusCode < 300) ? null : "HTTP " + statusCode,
				retryAfter, latencyMillis);
	}

	static DeliveryOutcome failed(String error, long latencyMillis) {
		return new DeliveryOutcome(null,
				(error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error, null,
				latencyMillis);
	}

	boolean delivered() {
		return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
	}

	/** The listener answered 410 Gone: it wants no more events. */
	boolean gone() {
		return this.statusCode != null && this.statusCode == 410;
	}

}
