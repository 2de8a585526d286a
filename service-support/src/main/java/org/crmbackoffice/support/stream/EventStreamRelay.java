package org.crmbackoffice.support.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.crmbackoffice.support.jobs.JobLocks;
import org.crmbackoffice.support.jobs.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the events owed to the stream ({@code event_stream_pending}) to Kafka, oldest
 * first, and forgets them once the broker has acknowledged every one of a batch. One
 * instance relays at a time (a {@link JobLocks job lock}), so that each resource's events
 * reach its partition in the order they were published; an instance that stops mid-batch
 * leaves the batch to be sent again: at least once, never lost.
 * <p>
 * Each record's key is the resource's id, its value the event's envelope exactly as a
 * webhook carries it, and its headers the event's id, type and the W3C
 * {@code traceparent} of the change.
 */
public class EventStreamRelay implements SmartLifecycle {

	static final String JOB = "event-stream";

	static final String EVENT_ID = "eventId";

	static final String EVENT_TYPE = "eventType";

	static final String TRACE_PARENT = "traceparent";

	private static final Logger log = LoggerFactory.getLogger(EventStreamRelay.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final JobLocks locks;

	private final EventStreamProperties properties;

	private final Counter sent;

	private volatile Thread worker;

	private volatile boolean running;

	EventStreamRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions, KafkaTemplate<String, String> kafka,
			JsonMapper json, JobLocks locks, EventStreamProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.kafka = kafka;
		this.json = json;
		this.locks = locks;
		this.properties = properties;
		this.sent = Counter.builder("crm.stream.events.sent")
			.description("Events the broker acknowledged, sent by this instance")
			.register(meters);
		meters.gauge("crm.stream.backlog", jdbc, (db) -> {
			Long owed = db.queryForObject("select count(*) from event_stream_pending", Long.class);
			return (owed != null) ? owed : 0;
		});
	}

	/**
	 * Sends one batch of what is owed, unless another instance is relaying.
	 * @return how many events the broker acknowledged
	 */
	public int relayBatch() {
		Integer relayed = this.transaction.execute((status) -> {
			if (!this.locks.tryLock(JOB)) {
				return 0;
			}
			List<Map<String, Object>> owed = this.jdbc.queryForList(
					"""
							select o.id, o.event_id, o.event_type, o.subject_id, o.payload, o.trace_parent
							from event_stream_pending p join event_outbox o on o.id = p.outbox_id and o.created_at = p.created_at
							order by p.outbox_id limit ?""",
					this.properties.batchSize());
			List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
			for (Map<String, Object> event : owed) {
				ProducerRecord<String, String> record = recordOf(event);
				if (record != null) {
					sends.add(this.kafka.send(record));
				}
			}
			awaitAcknowledgements(sends);
			this.jdbc.batchUpdate("delete from event_stream_pending where outbox_id = ?",
					owed.stream().map((event) -> new Object[] { event.get("id") }).toList());
			return sends.size();
		});
		int count = (relayed != null) ? relayed : 0;
		this.sent.increment(count);
		return count;
	}

	/**
	 * The record of an event, or null for one whose subject was erased before it was
	 * streamed: what it said about the person must not leave the service.
	 */
	private ProducerRecord<String, String> recordOf(Map<String, Object> event) {
		String payload = (String) event.get("payload");
		JsonNode body = this.json.readTree(payload).get("event");
		if (body == null || body.properties().isEmpty()) {
			return null;
		}
		String resourceName = body.properties().iterator().next().getKey();
		ProducerRecord<String, String> record = new ProducerRecord<>(this.properties.topicPrefix() + resourceName,
				(String) event.get("subject_id"), payload);
		record.headers().add(header(EVENT_ID, event.get("event_id").toString()));
		record.headers().add(header(EVENT_TYPE, (String) event.get("event_type")));
		if (event.get("trace_parent") != null) {
			record.headers().add(header(TRACE_PARENT, (String) event.get("trace_parent")));
		}
		return record;
	}

	private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, String>>> sends) {
		this.kafka.flush();
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		try {
			for (CompletableFuture<SendResult<String, String>> send : sends) {
				send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the batch; it is sent again", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = new Thread(this::work, "event-stream-relay");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	private void work() {
		PollingLoop.run(() -> this.running, this::relayBatch, this.properties.pollInterval(), log,
				"Streaming events to Kafka failed; trying again shortly");
	}

	@Override
	public void stop() {
		this.running = false;
		Thread current = this.worker;
		if (current != null) {
			try {
				current.join(this.properties.sendTimeout().toMillis() + 5_000);
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
