package org.crmbackoffice.support.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.crmbackoffice.support.hub.EventFilter;
import org.crmbackoffice.support.security.Caller;
import tools.jackson.databind.JsonNode;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One caller's open stream. Its position is kept by the instance's reading thread alone;
 * what is to be sent waits in a queue that one sender at a time writes out, so that a
 * client that reads slowly holds up no other stream.
 */
final class LiveStream {

	private final Caller caller;

	private final String clientKey;

	private final EventFilter filter;

	private final Consumer<List<JsonNode>> beforeSending;

	private final SseEmitter emitter;

	private final Queue<SseEventBuilder> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean sending = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Clock clock;

	private volatile Instant lastWritten;

	/** Where the stream is: the last event it was sent or passed over. */
	private volatile StreamPosition position;

	LiveStream(Caller caller, String clientKey, EventFilter filter, Consumer<List<JsonNode>> beforeSending,
			SseEmitter emitter, StreamPosition resumeFrom, Clock clock) {
		this.caller = caller;
		this.beforeSending = beforeSending;
		this.clientKey = clientKey;
		this.filter = filter;
		this.emitter = emitter;
		this.position = resumeFrom;
		this.clock = clock;
		this.lastWritten = clock.instant();
	}

	Caller caller() {
		return this.caller;
	}

	String clientKey() {
		return this.clientKey;
	}

	EventFilter filter() {
		return this.filter;
	}

	Consumer<List<JsonNode>> beforeSending() {
		return this.beforeSending;
	}

	StreamPosition position() {
		return this.position;
	}

	void moveTo(StreamPosition next) {
		this.position = next;
	}

	boolean isClosed() {
		return this.closed.get();
	}

	boolean silentFor(Duration heartbeat) {
		return this.lastWritten.plus(heartbeat).isBefore(this.clock.instant());
	}

	/**
	 * Queues an event for the client.
	 * @return false when the client has left so much unread that the stream was closed
	 */
	boolean offer(SseEventBuilder event, int queueLimit, Executor senders, Consumer<LiveStream> onClosed) {
		if (this.closed.get()) {
			return false;
		}
		if (this.queued.incrementAndGet() > queueLimit) {
			close(onClosed);
			return false;
		}
		this.queue.add(event);
		if (this.sending.compareAndSet(false, true)) {
			senders.execute(() -> send(onClosed));
		}
		return true;
	}

	private void send(Consumer<LiveStream> onClosed) {
		do {
			for (SseEventBuilder next = this.queue.poll(); next != null; next = this.queue.poll()) {
				this.queued.decrementAndGet();
				try {
					this.emitter.send(next);
					this.lastWritten = this.clock.instant();
				}
				catch (IOException | IllegalStateException ex) {
					// The client went away, or the stream already ended.
					close(onClosed);
					this.queue.clear();
				}
			}
			this.sending.set(false);
		}
		while (!this.queue.isEmpty() && this.sending.compareAndSet(false, true));
	}

	void close(Consumer<LiveStream> onClosed) {
		if (this.closed.compareAndSet(false, true)) {
			onClosed.accept(this);
			try {
				this.emitter.complete();
			}
			catch (IllegalStateException ex) {
				// Completed already, by the container or a timeout.
			}
		}
	}

	/** The stream ended from outside: timeout, error or the client going away. */
	void ended(Consumer<LiveStream> onClosed) {
		if (this.closed.compareAndSet(false, true)) {
			onClosed.accept(this);
		}
	}

}
