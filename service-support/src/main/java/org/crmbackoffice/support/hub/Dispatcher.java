package org.crmbackoffice.support.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the outbox owes. Each worker claims a batch of due deliveries with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of workers on any number of instances
 * never deliver the same one twice; a delivery is only due when no older one about the
 * same subject is still owed to the same listener, which keeps each listener's events
 * about one subject in order and lets the deliveries of one batch be posted at once. The
 * claim is held while the callbacks are called and released with their outcomes.
 */
public class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private static final String CLAIM = """
			select d.id, d.attempts, o.event_id, o.payload, o.created_at, l.id as listener_id, l.callback, l.secret,
			       l.previous_secret, l.previous_secret_until
			from event_delivery d
			join event_outbox o on o.id = d.event_id
			join hub_listener l on l.id = d.listener_id
			where d.status = 'pending' and d.next_attempt_at <= ?
			  and not exists (select 1 from event_delivery earlier
			                  where earlier.listener_id = d.listener_id and earlier.subject_id = d.subject_id
			                    and earlier.status = 'pending' and earlier.id < d.id)
			order by d.next_attempt_at, d.id
			limit ?
			for update of d skip locked""";

	private static final int BATCH = 50;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final HubProperties properties;

	private final Backoff backoff;

	private final Clock clock;

	private final CallbackGuard guard;

	private final HttpClient http;

	private final Timer commitToDelivery;

	private final Counter failures;

	private volatile ExecutorService workers;

	private volatile boolean running;

	Dispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, HubProperties properties, Clock clock,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.backoff = new Backoff(properties.firstRetry(), properties.maxRetry());
		this.clock = clock;
		this.guard = new CallbackGuard(properties.allowPrivateCallbacks());
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.callbackTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.commitToDelivery = Timer.builder("crm.hub.delivery.delay")
			.description("Time from the commit of a change to the delivery of its event")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		this.failures = Counter.builder("crm.hub.delivery.failures")
			.description("Delivery attempts that did not succeed")
			.register(meters);
		meters.gauge("crm.hub.outbox.backlog", this, (dispatcher) -> dispatcher.backlog());
	}

	/**
	 * Delivers due deliveries until none is left.
	 * @return how many were attempted
	 */
	public int deliverDue() {
		int attempted = 0;
		for (Integer batch = deliverBatch(); batch != null && batch > 0; batch = deliverBatch()) {
			attempted += batch;
		}
		return attempted;
	}

	private Integer deliverBatch() {
		return this.transaction.execute((status) -> {
			List<Map<String, Object>> claimed = this.jdbc.queryForList(CLAIM, Timestamp.from(this.clock.instant()),
					BATCH);
			Instant started = this.clock.instant();
			List<CompletableFuture<Outcome>> calls = claimed.stream()
				.map((delivery) -> call(delivery, started))
				.toList();
			for (int i = 0; i < claimed.size(); i++) {
				record(claimed.get(i), calls.get(i).join(), started);
			}
			return claimed.size();
		});
	}

	private void record(Map<String, Object> delivery, Outcome outcome, Instant started) {
		long id = ((Number) delivery.get("id")).longValue();
		int attempts = ((Number) delivery.get("attempts")).intValue() + 1;
		Instant now = this.clock.instant();
		this.jdbc.update("""
				insert into delivery_attempt (delivery_id, number, at, status_code, latency_ms, error)
				select ?, count(*) + 1, ?, ?, ?, ? from delivery_attempt where delivery_id = ?""", id,
				Timestamp.from(started), outcome.statusCode(), outcome.latencyMillis(), outcome.error(), id);
		if (outcome.delivered()) {
			this.jdbc.update(
					"update event_delivery set status = 'delivered', attempts = ?, delivered_at = ? where id = ?",
					attempts, Timestamp.from(now), id);
			this.commitToDelivery.record(Duration.between(((Timestamp) delivery.get("created_at")).toInstant(), now));
			return;
		}
		this.failures.increment();
		if (outcome.gone()) {
			log.warn("Listener {} answered 410 Gone; it is disabled", delivery.get("listener_id"));
			this.jdbc.update("update hub_listener set status = 'disabled' where id = ?", delivery.get("listener_id"));
			this.jdbc.update("update event_delivery set status = 'dead' where listener_id = ? and status = 'pending'",
					delivery.get("listener_id"));
			this.jdbc.update("update event_delivery set attempts = ? where id = ?", attempts, id);
		}
		else if (attempts >= this.properties.maxAttempts()) {
			this.jdbc.update("update event_delivery set status = 'dead', attempts = ? where id = ?", attempts, id);
		}
		else {
			Instant next = now
				.plus((outcome.retryAfter() != null) ? outcome.retryAfter() : this.backoff.delay(attempts));
			this.jdbc.update("update event_delivery set attempts = ?, next_attempt_at = ? where id = ?", attempts,
					Timestamp.from(next), id);
		}
	}

	private CompletableFuture<Outcome> call(Map<String, Object> delivery, Instant now) {
		String messageId = String.valueOf(delivery.get("event_id"));
		String body = (String) delivery.get("payload");
		long timestamp = now.getEpochSecond();
		long started = System.nanoTime();
		URI callback;
		try {
			callback = this.guard.check((String) delivery.get("callback"));
		}
		catch (ApiProblemException ex) {
			return CompletableFuture.completedFuture(Outcome.failed("callback refused: " + ex.getMessage(), 0));
		}
		HttpRequest request = HttpRequest.newBuilder(callback)
			.timeout(this.properties.callbackTimeout())
			.header("Content-Type", "application/json")
			.header("webhook-id", messageId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signatures(delivery, messageId, timestamp, body, now))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.thenApply((response) -> Outcome.of(response.statusCode(), retryAfter(response, now), elapsed(started)))
			.exceptionally((failure) -> {
				Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
				return Outcome.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), elapsed(started));
			});
	}

	private static long elapsed(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

	/**
	 * Signed with the current secret and, while a rotation overlaps, with the previous
	 * one too.
	 */
	private static String signatures(Map<String, Object> delivery, String messageId, long timestamp, String body,
			Instant now) {
		String signatures = WebhookSignature.sign((String) delivery.get("secret"), messageId, timestamp, body);
		Timestamp previousUntil = (Timestamp) delivery.get("previous_secret_until");
		if (delivery.get("previous_secret") != null && previousUntil != null
				&& previousUntil.toInstant().isAfter(now)) {
			signatures += " "
					+ WebhookSignature.sign((String) delivery.get("previous_secret"), messageId, timestamp, body);
		}
		return signatures;
	}

	private Duration retryAfter(HttpResponse<?> response, Instant now) {
		return this.backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), now).orElse(null);
	}

	private double backlog() {
		Long pending = this.jdbc.queryForObject("select count(*) from event_delivery where status = 'pending'",
				Long.class);
		return (pending != null) ? pending : 0;
	}

	@Override
	public void start() {
		if (!this.properties.dispatcher()) {
			return;
		}
		this.running = true;
		this.workers = Executors.newFixedThreadPool(this.properties.workers(), (task) -> {
			Thread thread = new Thread(task, "hub-dispatcher");
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < this.properties.workers(); i++) {
			this.workers.submit(this::work);
		}
	}

	private void work() {
		while (this.running) {
			try {
				if (deliverDue() == 0) {
					Thread.sleep(this.properties.pollInterval().toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Delivering events failed; trying again shortly", ex);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.workers != null) {
			this.workers.shutdown();
			try {
				this.workers.awaitTermination(this.properties.callbackTimeout().toSeconds() + 5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Outcome(Integer statusCode, String error, Duration retryAfter, long latencyMillis) {

		static Outcome of(int statusCode, Duration retryAfter, long latencyMillis) {
			return new Outcome(statusCode, (statusCode >= 200 && statusCode < 300) ? null : "HTTP " + statusCode,
					retryAfter, latencyMillis);
		}

		static Outcome failed(String error, long latencyMillis) {
			return new Outcome(null, (error.length() > 1000) ? error.substring(0, 1000) : error, null, latencyMillis);
		}

		boolean delivered() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

		boolean gone() {
			return this.statusCode != null && this.statusCode == 410;
		}

	}

}
