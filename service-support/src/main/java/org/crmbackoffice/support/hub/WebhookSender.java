package org.crmbackoffice.support.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.retry.Backoff;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Posts an event to a listener's callback as a Standard Webhooks message: the
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} headers,
 * signed with the listener's secret and, while a rotation overlaps, with the previous one
 * too, and the W3C {@code traceparent} of the change the event tells of, so that the
 * listener's work joins its trace. Never throws: whatever happens becomes a
 * {@link DeliveryOutcome}.
 */
class WebhookSender {

	private final HttpClient http;

	/**
	 * The threads that wait for listeners' answers, one per call in flight, reused. Calls
	 * are made synchronously on them rather than with {@code sendAsync}: the JDK client
	 * completes an asynchronous call on the default executor of
	 * {@code CompletableFuture}, which on a machine of two processors or fewer starts a
	 * new thread per call (the common pool has no parallelism there), and starting those
	 * threads cost a fifth of the service's processor time under load.
	 */
	private final ExecutorService callers;

	private final CallbackGuard guard;

	private final Duration timeout;

	private final Backoff backoff;

	WebhookSender(HubProperties properties, Backoff backoff) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.callbackTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		CustomizableThreadFactory callerThreads = new CustomizableThreadFactory("hub-call-");
		callerThreads.setDaemon(true);
		this.callers = Executors.newCachedThreadPool(callerThreads);
		this.guard = new CallbackGuard(properties.allowPrivateCallbacks());
		this.timeout = properties.callbackTimeout();
		this.backoff = backoff;
	}

	CompletableFuture<DeliveryOutcome> send(PendingDelivery delivery, Instant now) {
		long started = System.nanoTime();
		URI callback;
		try {
			callback = this.guard.check(delivery.callback());
		}
		catch (ApiProblemException ex) {
			return CompletableFuture.completedFuture(DeliveryOutcome.failed("callback refused: " + ex.getMessage(), 0));
		}
		long timestamp = now.getEpochSecond();
		String signatures = delivery.signingSecrets(now)
			.stream()
			.map((secret) -> WebhookSignature.sign(secret, delivery.eventId(), timestamp, delivery.payload()))
			.collect(Collectors.joining(" "));
		HttpRequest.Builder request = HttpRequest.newBuilder(callback)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("webhook-id", delivery.eventId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signatures)
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()));
		if (delivery.traceParent() != null) {
			request.header("traceparent", delivery.traceParent());
		}
		HttpRequest call = request.build();
		return CompletableFuture.supplyAsync(() -> call(call, started, now), this.callers);
	}

	private DeliveryOutcome call(HttpRequest request, long started, Instant now) {
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			return DeliveryOutcome.answered(response.statusCode(), retryAfter(response, now), elapsed(started));
		}
		catch (IOException | RuntimeException ex) {
			return DeliveryOutcome.failed(ex.getClass().getSimpleName() + ": " + ex.getMessage(), elapsed(started));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryOutcome.failed("interrupted: the instance is stopping", elapsed(started));
		}
	}

	private Duration retryAfter(HttpResponse<?> response, Instant now) {
		return this.backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), now).orElse(null);
	}

	private static long elapsed(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

}
