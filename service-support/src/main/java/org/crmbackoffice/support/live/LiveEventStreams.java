package org.crmbackoffice.support.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.hub.EventFilter;
import org.crmbackoffice.support.jobs.PollingLoop;
import org.crmbackoffice.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The streams open on this instance. One thread reads the outbox for all of them, once
 * per new batch of events, and hands each stream what it may see; a stream that resumes
 * from an earlier position reads its backlog in batches of its own until it has caught
 * up. Streams end before the web server shuts down, so that a restart is not held up by
 * them: their clients reconnect to another instance and resume.
 */
public class LiveEventStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveEventStreams.class);

	/** How long an EventSource client waits before it reconnects after a stream ended. */
	private static final Duration RECONNECT = Duration.ofSeconds(2);

	private final OutboxEvents outbox;

	private final LiveEventVisibility visibility;

	private final LiveEventProperties properties;

	private final Clock clock;

	private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> streamsPerClient = new ConcurrentHashMap<>();

	private final Timer delay;

	private volatile boolean running;

	private ExecutorService reader;

	private ExecutorService senders;

	/** Where the reading thread is; {@code null} while no stream is open. */
	private StreamPosition head;

	/** How many streams this instance holds open now. */
	public int openStreams() {
		return this.streams.size();
	}

	LiveEventStreams(OutboxEvents outbox, LiveEventVisibility visibility, LiveEventProperties properties, Clock clock,
			MeterRegistry meters) {
		this.outbox = outbox;
		this.visibility = visibility;
		this.properties = properties;
		this.clock = clock;
		this.delay = Timer.builder("crm.live.delay")
			.description("Time from the publication of an event to its sending on a live stream")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		Gauge.builder("crm.live.streams", this.streams, Set::size)
			.description("Live event streams open on this instance")
			.register(meters);
	}

	/**
	 * Opens a stream for a caller.
	 * @param clientKey whose streams count together against the per-client bound
	 * @param lastEventId the id of the last event the client received, if it is resuming
	 * @param endsBy when the stream must end at the latest (the caller's token expires)
	 * @throws StreamRefused when this instance or this client has as many streams as it
	 * may
	 */
	SseEmitter open(Caller caller, String clientKey, EventFilter filter, StreamPosition lastEventId, Instant endsBy) {
		Instant now = this.clock.instant();
		StreamPosition resumeFrom = (lastEventId != null) ? resumable(lastEventId, now) : null;
		if (!this.running) {
			throw new StreamRefused(ProblemType.STREAMS_EXHAUSTED,
					"This instance is shutting down; open the stream again.", RECONNECT);
		}
		if (this.streams.size() >= this.properties.maxStreams()) {
			throw new StreamRefused(ProblemType.STREAMS_EXHAUSTED,
					"This instance holds %d event streams, as many as it may. Try again shortly; another instance may take it."
						.formatted(this.properties.maxStreams()),
					Duration.ofSeconds(5));
		}
		AtomicInteger ofClient = this.streamsPerClient.computeIfAbsent(clientKey, (key) -> new AtomicInteger());
		if (ofClient.incrementAndGet() > this.properties.maxStreamsPerClient()) {
			ofClient.decrementAndGet();
			throw new StreamRefused(ProblemType.TOO_MANY_REQUESTS,
					"This client has %d event streams open, as many as it may. Close one first."
						.formatted(this.properties.maxStreamsPerClient()),
					Duration.ofSeconds(30));
		}
		Duration lasts = Duration.between(now, endsBy);
		if (lasts.compareTo(this.properties.maxDuration()) > 0) {
			lasts = this.properties.maxDuration();
		}
		SseEmitter emitter = new SseEmitter(Math.max(1, lasts.toMillis()));
		// A stream that does not resume starts at what has settled by now:
		// any change that commits once the client holds the answer is on it.
		StreamPosition start = (resumeFrom != null) ? resumeFrom : this.outbox.head();
		LiveStream stream = new LiveStream(caller, clientKey, filter, this.visibility.beforeSending(caller), emitter,
				start, this.clock);
		emitter.onCompletion(() -> stream.ended(this::forget));
		emitter.onTimeout(() -> stream.close(this::forget));
		emitter.onError((error) -> stream.ended(this::forget));
		SseEventBuilder opening = SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("open");
		stream.offer(opening, this.properties.queueLimit(), this.senders, this::forget);
		if (lastEventId != null && resumeFrom == null) {
			stream.offer(
					SseEmitter.event()
						.id(start.toString())
						.name("reload")
						.data("{\"reason\":\"The events after the given Last-Event-ID are no longer kept. "
								+ "Read the current state again; the stream carries on from now.\"}"),
					this.properties.queueLimit(), this.senders, this::forget);
		}
		this.streams.add(stream);
		return emitter;
	}

	/**
	 * The position to resume from, or {@code null} when the client must reload: the
	 * outbox no longer holds its last event, or that event is older than the replay
	 * window.
	 */
	private StreamPosition resumable(StreamPosition lastEventId, Instant now) {
		return this.outbox.publishedAt(lastEventId)
			.filter((published) -> !published.isBefore(now.minus(this.properties.replayWindow())))
			.map((published) -> lastEventId)
			.orElse(null);
	}

	/** One round of the reading thread: new events for every stream, and backlogs. */
	int deliver() {
		// An instance without streams leaves the database alone: it would only compete
		// for connections, most of all while the database is coming back. The next
		// stream starts from the position it opened at, so nothing needs to be followed.
		if (this.streams.isEmpty()) {
			this.head = null;
			return 0;
		}
		if (this.head == null) {
			this.head = this.streams.stream().map(LiveStream::position).min(StreamPosition::compareTo).orElseThrow();
		}
		List<LiveEvent> batch = this.outbox.after(this.head, null, this.properties.batchSize());
		StreamPosition next = batch.isEmpty() ? this.head : batch.get(batch.size() - 1).position();
		boolean catchingUp = false;
		for (LiveStream stream : this.streams) {
			if (stream.isClosed()) {
				continue;
			}
			if (stream.position().compareTo(this.head) < 0) {
				List<LiveEvent> backlog = this.outbox.after(stream.position(), this.head, this.properties.batchSize());
				send(stream, backlog);
				if (backlog.size() == this.properties.batchSize()) {
					catchingUp = true;
					continue;
				}
				stream.moveTo(this.head);
			}
			send(stream, batch);
			if (next.isAfter(stream.position())) {
				stream.moveTo(next);
			}
			if (stream.silentFor(this.properties.heartbeat())) {
				stream.offer(SseEmitter.event().id(stream.position().toString()).comment("heartbeat"),
						this.properties.queueLimit(), this.senders, this::forget);
			}
		}
		this.head = next;
		return batch.size() + (catchingUp ? 1 : 0);
	}

	private void send(LiveStream stream, List<LiveEvent> events) {
		List<LiveEvent> shown = new ArrayList<>();
		for (LiveEvent event : events) {
			if (!event.position().isAfter(stream.position())) {
				continue;
			}
			stream.moveTo(event.position());
			if (event.envelope().has("eventType") && this.visibility.visibleTo(stream.caller(), event.envelope())
					&& stream.filter().matches(event.envelope())) {
				shown.add(event);
			}
		}
		if (shown.isEmpty()) {
			return;
		}
		try {
			stream.beforeSending().accept(shown.stream().map(LiveEvent::envelope).toList());
		}
		catch (RuntimeException ex) {
			log.warn("A live stream ends: what must happen before its events are sent failed", ex);
			stream.close(this::forget);
			return;
		}
		for (LiveEvent event : shown) {
			SseEventBuilder sent = SseEmitter.event().id(event.position().toString()).data(event.payload());
			if (!stream.offer(sent, this.properties.queueLimit(), this.senders, this::forget)) {
				return;
			}
			this.delay.record(Duration.between(event.publishedAt(), this.clock.instant()));
		}
	}

	private void forget(LiveStream stream) {
		this.streams.remove(stream);
		this.streamsPerClient.computeIfPresent(stream.clientKey(),
				(key, count) -> (count.decrementAndGet() <= 0) ? null : count);
	}

	@Override
	public void start() {
		this.senders = Executors.newFixedThreadPool(this.properties.senders(), (task) -> {
			Thread thread = new Thread(task, "live-event-sender");
			thread.setDaemon(true);
			return thread;
		});
		this.reader = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "live-event-reader");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		this.reader.submit(() -> PollingLoop.run(() -> this.running, this::deliver, this.properties.pollInterval(), log,
				"Reading events for the live streams failed; trying again shortly"));
	}

	@Override
	public void stop() {
		this.running = false;
		for (LiveStream stream : List.copyOf(this.streams)) {
			stream.close(this::forget);
		}
		this.reader.shutdownNow();
		this.senders.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
