package org.crmbackoffice.support.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.crmbackoffice.support.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the outbox owes. Worker threads ({@code crm.hub.workers}) claim due
 * deliveries in a short transaction that leases them ({@link DeliveryLedger}), posts them
 * without waiting ({@link WebhookSender}), and records the outcomes as they come back, in
 * batches, in another short transaction. No database connection or lock is held while a
 * listener is called. Each listener has at most {@code crm.hub.concurrency-per-listener}
 * deliveries in flight from an instance and a circuit breaker of its own
 * ({@link ListenerCircuits}), so a slow or dead listener takes nobody else's turn.
 */
public class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	/** The most deliveries one claim takes, across listeners. */
	private static final int CLAIM_LIMIT = 500;

	/**
	 * How long a claimed delivery stays leased: beyond the longest call, with room for
	 * recording its outcome behind a busy database.
	 */
	private static final Duration LEASE_BEYOND_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

	private final TransactionTemplate transaction;

	private final HubProperties properties;

	private final Clock clock;

	private final DeliveryLedger ledger;

	private final WebhookSender sender;

	private final ListenerCircuits circuits;

	private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final BlockingQueue<DeliveryLedger.Attempt> finished = new LinkedBlockingQueue<>();

	/**
	 * How long a delivery may wait untried behind an open circuit: as long as its whole
	 * series of tries would have taken, after which it is a dead letter as it would have
	 * been.
	 */
	private final Duration giveUpAfter;

	private final Timer commitToDelivery;

	private final Counter failures;

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	Dispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, HubProperties properties, Clock clock,
			MeterRegistry meters) {
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
		Backoff backoff = new Backoff(properties.firstRetry(), properties.maxRetry());
		this.ledger = new DeliveryLedger(jdbc, backoff, properties.maxAttempts());
		this.sender = new WebhookSender(properties, backoff);
		this.circuits = new ListenerCircuits(properties, clock);
		this.giveUpAfter = backoff.longestSeries(properties.maxAttempts());
		this.commitToDelivery = Timer.builder("crm.hub.delivery.delay")
			.description("Time from the commit of a change to the delivery of its event")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		this.failures = Counter.builder("crm.hub.delivery.failures")
			.description("Delivery attempts that did not succeed")
			.register(meters);
		meters.gauge("crm.hub.outbox.backlog", this.ledger, DeliveryLedger::backlog);
		meters.gauge("crm.hub.delivery.in-flight", this, Dispatcher::inFlight);
	}

	/**
	 * Delivers due deliveries and waits for their outcomes, until none is due.
	 * @return how many were attempted
	 */
	public int deliverDue() {
		int attempted = 0;
		for (Claim claim = claim(); !claim.deliveries().isEmpty(); claim = claim()) {
			Set<UUID> probes = claim.probes();
			List<CompletableFuture<DeliveryLedger.Attempt>> sends = claim.deliveries()
				.stream()
				.map((delivery) -> send(delivery, probes.contains(delivery.listenerId())))
				.toList();
			record(sends.stream().map(CompletableFuture::join).toList());
			attempted += sends.size();
		}
		return attempted;
	}

	/**
	 * Claims what each listener may take now: nothing while its circuit is open, one
	 * probe when it is due, otherwise its places not in flight.
	 */
	private Claim claim() {
		Instant now = this.clock.instant();
		int perListener = this.properties.concurrencyPerListener();
		ListenerCircuits.Admission admission = this.circuits.admission();
		Map<UUID, Integer> busy = new HashMap<>();
		this.inFlight.forEach((listener, count) -> {
			if (count.get() > 0) {
				busy.put(listener, count.get());
			}
		});
		admission.passedOver().forEach((listener) -> busy.put(listener, perListener));
		admission.probes().forEach((listener) -> busy.put(listener, perListener - 1));
		List<PendingDelivery> claimed = new ArrayList<>();
		try {
			claimed.addAll(this.transaction.execute((status) -> this.ledger.claimDue(now,
					now.plus(this.properties.callbackTimeout()).plus(LEASE_BEYOND_TIMEOUT), perListener, busy,
					CLAIM_LIMIT)));
		}
		finally {
			Set<UUID> unused = new HashSet<>(admission.probes());
			claimed.forEach((delivery) -> unused.remove(delivery.listenerId()));
			unused.forEach(this.circuits::giveBack);
		}
		return new Claim(claimed, admission.probes());
	}

	/**
	 * Calls the listener, unless its circuit opened since the claim; the delivery counts
	 * as in flight to its listener until its outcome is known.
	 * @param probe whether this is the listener's probe, already let through by its
	 * circuit
	 */
	private CompletableFuture<DeliveryLedger.Attempt> send(PendingDelivery delivery, boolean probe) {
		Instant started = this.clock.instant();
		UUID listener = delivery.listenerId();
		if (!probe && !this.circuits.mayCall(listener)) {
			return CompletableFuture.completedFuture(new DeliveryLedger.Attempt(
					delivery, DeliveryOutcome.failed("not called: the listener failed "
							+ ListenerCircuits.FAILURES_IN_A_ROW + " times in a row and is given time to recover", 0),
					started, started));
		}
		AtomicInteger count = this.inFlight.computeIfAbsent(listener, (id) -> new AtomicInteger());
		count.incrementAndGet();
		return this.sender.send(delivery, started).thenApply((outcome) -> {
			count.decrementAndGet();
			Instant now = this.clock.instant();
			this.circuits.record(listener, outcome, Duration.between(started, now));
			return new DeliveryLedger.Attempt(delivery, outcome, started, now);
		});
	}

	/**
	 * Records the outcomes, and gives up what listeners whose circuit is open have owed
	 * for longer than a whole series of tries would have taken.
	 */
	private void record(List<DeliveryLedger.Attempt> attempts) {
		if (attempts.isEmpty()) {
			return;
		}
		Set<UUID> away = new HashSet<>();
		for (DeliveryLedger.Attempt attempt : attempts) {
			UUID listener = attempt.delivery().listenerId();
			if (!attempt.outcome().delivered() && !this.circuits.isClosed(listener)) {
				away.add(listener);
			}
		}
		Instant dueBefore = this.clock.instant().minus(this.giveUpAfter);
		this.transaction.executeWithoutResult((status) -> {
			this.ledger.record(attempts);
			away.forEach((listener) -> this.ledger.giveUpWaiting(listener, dueBefore));
		});
		for (DeliveryLedger.Attempt attempt : attempts) {
			if (attempt.outcome().delivered()) {
				this.commitToDelivery.record(Duration.between(attempt.delivery().committedAt(), attempt.finished()));
			}
			else {
				this.failures.increment();
			}
		}
	}

	/**
	 * @param probes the listeners whose one delivery in this claim is the probe their
	 * circuit let through
	 */
	private record Claim(List<PendingDelivery> deliveries, Set<UUID> probes) {
	}

	@Override
	public void start() {
		if (!this.properties.dispatcher()) {
			return;
		}
		this.running = true;
		for (int i = 0; i < this.properties.workers(); i++) {
			Thread thread = new Thread(this::work, "hub-dispatcher-" + i);
			thread.setDaemon(true);
			this.workers.add(thread);
			thread.start();
		}
	}

	/**
	 * Records what came back, then claims what listeners may take now; waits for an
	 * outcome or the poll interval only when neither found anything. After a stop, waits
	 * for the calls in flight and records them.
	 */
	private void work() {
		while (this.running) {
			try {
				int recorded = recordFinished();
				Claim claim = claim();
				claim.deliveries()
					.forEach((delivery) -> send(delivery, claim.probes().contains(delivery.listenerId()))
						.thenAccept(this.finished::add));
				if (recorded == 0 && claim.deliveries().isEmpty()) {
					awaitFinished(this.properties.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Delivering events failed; trying again shortly", ex);
				sleep(AFTER_FAILURE);
			}
		}
		Instant giveUp = this.clock.instant().plus(this.properties.callbackTimeout()).plusSeconds(1);
		while (inFlight() > 0 && this.clock.instant().isBefore(giveUp)) {
			sleep(Duration.ofMillis(50));
		}
		try {
			recordFinished();
		}
		catch (RuntimeException ex) {
			log.warn("Recording the last delivery outcomes failed; those deliveries are due again after their lease",
					ex);
		}
	}

	private int recordFinished() {
		List<DeliveryLedger.Attempt> attempts = new ArrayList<>();
		this.finished.drainTo(attempts);
		try {
			record(attempts);
		}
		catch (RuntimeException ex) {
			this.finished.addAll(attempts);
			throw ex;
		}
		return attempts.size();
	}

	private void awaitFinished(Duration timeout) throws InterruptedException {
		DeliveryLedger.Attempt first = this.finished.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (first != null) {
			this.finished.add(first);
		}
	}

	private int inFlight() {
		return this.inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Instant deadline = this.clock.instant().plus(this.properties.callbackTimeout()).plusSeconds(5);
		for (Thread thread : this.workers) {
			try {
				thread.join(Math.max(1, Duration.between(this.clock.instant(), deadline).toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.workers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
