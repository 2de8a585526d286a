package org.crmbackoffice.support.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.crmbackoffice.support.jobs.PollingLoop;
import org.crmbackoffice.support.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the outbox owes, with workers that claim a batch of due deliveries
 * ({@link DeliveryLedger}), post them all at once ({@link WebhookSender}) and record
 * their outcomes. The claim is held while the callbacks are called and released with
 * their outcomes.
 */
public class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private static final int BATCH = 50;

	private final TransactionTemplate transaction;

	private final HubProperties properties;

	private final Clock clock;

	private final DeliveryLedger ledger;

	private final WebhookSender sender;

	private final Timer commitToDelivery;

	private final Counter failures;

	private volatile ExecutorService workers;

	private volatile boolean running;

	Dispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, HubProperties properties, Clock clock,
			MeterRegistry meters) {
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
		Backoff backoff = new Backoff(properties.firstRetry(), properties.maxRetry());
		this.ledger = new DeliveryLedger(jdbc, backoff, properties.maxAttempts());
		this.sender = new WebhookSender(properties, backoff);
		this.commitToDelivery = Timer.builder("crm.hub.delivery.delay")
			.description("Time from the commit of a change to the delivery of its event")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		this.failures = Counter.builder("crm.hub.delivery.failures")
			.description("Delivery attempts that did not succeed")
			.register(meters);
		meters.gauge("crm.hub.outbox.backlog", this.ledger, DeliveryLedger::backlog);
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
			List<PendingDelivery> claimed = this.ledger.claimDue(this.clock.instant(), BATCH);
			Instant started = this.clock.instant();
			List<CompletableFuture<DeliveryOutcome>> sends = claimed.stream()
				.map((delivery) -> this.sender.send(delivery, started))
				.toList();
			for (int i = 0; i < claimed.size(); i++) {
				record(claimed.get(i), sends.get(i).join(), started);
			}
			return claimed.size();
		});
	}

	private void record(PendingDelivery delivery, DeliveryOutcome outcome, Instant started) {
		Instant now = this.clock.instant();
		this.ledger.record(delivery, outcome, started, now);
		if (outcome.delivered()) {
			this.commitToDelivery.record(Duration.between(delivery.committedAt(), now));
		}
		else {
			this.failures.increment();
		}
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
		PollingLoop.run(() -> this.running, this::deliverDue, this.properties.pollInterval(), log,
				"Delivering events failed; trying again shortly");
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

}
