package org.crmbackoffice.interactions.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.event.Delivery;
import org.crmbackoffice.support.hub.OutboxRetention;
import org.crmbackoffice.support.partitions.MonthlyPartitions;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub keeps each month of events, deliveries and attempts for its retention after the
 * month, then drops the month whole; a month that still owes a delivery, or an event to
 * the stream, stays until it owes nothing.
 */
@ApiIntegrationTest
class HubRetentionTests {

	private static final YearMonth JANUARY = YearMonth.of(2025, 1);

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OutboxRetention retention;

	@Autowired
	List<MonthlyPartitions> partitions;

	@Test
	void dropsAMonthWhenItsRetentionIsOverAndNothingInItIsOwed() {
		this.partitions.forEach((table) -> table.create(JANUARY, JANUARY.plusMonths(2)));
		String listener = listener();
		long delivered = publishedAt(listener, "2025-01-20T10:00:00Z", "delivered");
		long pending = publishedAt(listener, "2025-02-10T10:00:00Z", "pending");
		long streamed = publishedAt(listener, "2025-03-05T10:00:00Z", "delivered");
		this.jdbc.update("insert into event_stream_pending (outbox_id, created_at) values (?, ?)", streamed,
				Timestamp.from(Instant.parse("2025-03-05T10:00:00Z")));
		assertThat(deliveryIdsTo(listener)).contains(delivered, pending);

		List<MonthlyPartitions.Partition> dropped = this.retention
			.dropMonthsEndedBefore(Instant.parse("2025-06-01T00:00:00Z"));

		assertThat(dropped).extracting(MonthlyPartitions.Partition::month).containsExactly(JANUARY);
		assertThat(monthsOf("event_outbox")).doesNotContain("event_outbox_2025_01")
			.contains("event_outbox_2025_02", "event_outbox_2025_03");
		assertThat(monthsOf("event_delivery")).doesNotContain("event_delivery_2025_01");
		assertThat(monthsOf("delivery_attempt")).doesNotContain("delivery_attempt_2025_01");
		assertThat(this.jdbc.queryForList("select to_regclass(name)::text from unnest(?::text[]) name", String.class,
				(Object) new String[] { "event_outbox_2025_01", "event_delivery_2025_01", "delivery_attempt_2025_01" }))
			.as("the tables of the month dropped")
			.containsOnlyNulls();
		assertThat(deliveryIdsTo(listener)).doesNotContain(delivered).contains(pending);

		this.jdbc.update("update event_delivery set status = 'delivered' where id = ?", pending);
		this.jdbc.update("delete from event_stream_pending where outbox_id = ?", streamed);
		assertThat(this.retention.dropMonthsEndedBefore(Instant.parse("2025-06-01T00:00:00Z")))
			.extracting(MonthlyPartitions.Partition::month)
			.containsExactly(JANUARY.plusMonths(1), JANUARY.plusMonths(2));
		assertThat(deliveryIdsTo(listener)).isEmpty();
	}

	@Test
	void everyMonthOfDeliveriesIsVacuumedAfterAFixedNumberOfDeadRowsWhateverItsSize() {
		YearMonth later = YearMonth.of(2031, 1);
		this.partitions.forEach((table) -> table.create(later, later));

		List<String> settings = this.jdbc.queryForList("""
				select c.relname || ' ' || coalesce(array_to_string(c.reloptions, ','), 'defaults')
				from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = 'event_delivery'::regclass""", String.class);

		assertThat(settings).as("the months migrated and the month created now")
			.hasSizeGreaterThan(1)
			.anySatisfy((month) -> assertThat(month).startsWith("event_delivery_2031_01 "))
			.allSatisfy((month) -> assertThat(month).contains("autovacuum_vacuum_scale_factor=0",
					"autovacuum_vacuum_threshold=10000"));
	}

	/**
	 * A listener removed since, so that the events of the tests sharing the database do
	 * not go to it.
	 */
	private String listener() {
		String id = UUID.randomUUID().toString();
		this.jdbc.update("""
				insert into hub_listener (id, callback, secret, status, created_at, created_by, api_version)
				values (?::uuid, 'https://listener.example.com/events', 'secret', 'removed', now(), 'admin', 'v5')""",
				id);
		return id;
	}

	/**
	 * An event published at that time, as the publisher records it, with one delivery to
	 * the listener in that status and its attempt.
	 * @return the delivery's id
	 */
	private long publishedAt(String listener, String at, String status) {
		Timestamp time = Timestamp.from(Instant.parse(at));
		Long event = this.jdbc.queryForObject("""
				insert into event_outbox (event_id, event_type, subject_id, payload, created_at)
				values (?::uuid, 'PartyInteractionCreateEvent', 'subject', '{}', ?) returning id""", Long.class,
				UUID.randomUUID().toString(), time);
		Long delivery = this.jdbc.queryForObject("""
				insert into event_delivery (event_id, event_created_at, listener_id, subject_id, status, attempts,
				                            next_attempt_at, created_at)
				values (?, ?, ?::uuid, 'subject', ?, 1, ?, ?) returning id""", Long.class, event, time, listener,
				status, time, time);
		this.jdbc.update("""
				insert into delivery_attempt (delivery_id, event_created_at, number, at, status_code, latency_ms)
				values (?, ?, 1, ?, 200, 12)""", delivery, time, time);
		return delivery;
	}

	private List<Long> deliveryIdsTo(String listener) {
		return this.client.get()
			.uri("/interaction/v1/delivery?limit=100&hubId=" + listener)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Delivery>>() {
			})
			.returnResult()
			.getResponseBody()
			.stream()
			.map(Delivery::id)
			.toList();
	}

	private List<String> monthsOf(String table) {
		return this.jdbc.queryForList("""
				select child.relname::text from pg_inherits join pg_class child on child.oid = pg_inherits.inhrelid
				where pg_inherits.inhparent = ?::regclass""", String.class, table);
	}

}
