package org.crmbackoffice.interactions.interaction;

import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.DatabaseAtVersion;
import org.crmbackoffice.testsupport.NoBackgroundDelivery;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.TestIssuerProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An interaction log written before TMF683 v5 (schema version 10) reads as v5 after the
 * migration: nothing stored is lost, and listeners registered for the old status event
 * name keep receiving it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = { InteractionMigrationTests.LogWrittenBeforeV5.class, TestIssuerProperties.class,
		NoBackgroundDelivery.class })
class InteractionMigrationTests {

	private static final String INTERACTION = "7a000000-0000-4000-8000-000000000001";

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void readsAnInteractionStoredBeforeV5InTheV5ShapeWithNothingLost() {
		JsonNode read = this.json.readTree(this.client.get()
			.uri(PartyInteractionMapper.hrefOf(INTERACTION))
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());

		assertThat(read.path("direction").asString()).isEqualTo("inbound");
		assertThat(read.path("status").asString()).isEqualTo("inProgress");
		JsonNode email = read.path("relatedChannel").get(0).path("channel");
		assertThat(email.path("id").asString()).isEqualTo("email");
		assertThat(email.path("name").asString()).isEqualTo("email");
		assertThat(email.path("href").asString()).isEqualTo("/interaction/v1/channel/email");
		JsonNode legacy = read.path("relatedChannel").get(1).path("channel");
		assertThat(legacy.path("id").asString()).isEqualTo("kiosk");
		assertThat(legacy.has("href")).isFalse();
		assertThat(read.path("relatedParty").get(0).path("partyOrPartyRole").path("id").asString()).isEqualTo("cust-1");
		JsonNode item = read.path("interactionItem").get(0);
		assertThat(item.path("id").asString()).isEqualTo("entry-1");
		assertThat(item.path("itemDate").path("startDateTime").asString()).isEqualTo("2026-01-05T10:00:00Z");
		assertThat(item.path("item").path("entity").path("id").asString()).isEqualTo("TT-1");
		assertThat(item.path("item").path("entity").path("@referredType").asString()).isEqualTo("TroubleTicket");
		JsonNode attachment = read.path("attachment").get(0);
		assertThat(attachment.path("size").path("amount").asLong()).isEqualTo(2048);
		assertThat(attachment.path("size").path("units").asString()).isEqualTo("bytes");
		assertThat(read.path("note").get(0).path("text").asString()).isEqualTo("kept");
		assertThat(this.jdbc.queryForObject("select query from hub_listener", String.class))
			.isEqualTo("eventType=PartyInteractionStatusChangeEvent");
	}

	/**
	 * A database at schema version 10 holding what the service stored then, migrated on
	 * start-up.
	 */
	static class LogWrittenBeforeV5 extends DatabaseAtVersion {

		LogWrittenBeforeV5() {
			super("interaction_migration", "10");
		}

		@Override
		protected void fill(JdbcTemplate jdbc) {
			jdbc.update("""
					insert into party_interaction (id, version, description, direction, reason, status,
					    status_change_date, interaction_start, created_at, updated_at, created_by, updated_by)
					values (?::uuid, 1, 'old', 'INBOUND', 'outage', 'IN_PROGRESS', now(), '2026-01-05T09:00:00Z', now(),
					    now(), 'agent-1', 'agent-1')""", INTERACTION);
			jdbc.update(
					"""
							insert into party_interaction_channel (interaction_id, position, role, channel_name, channel_type)
							values (?::uuid, 0, 'contact', 'email', 'Channel'), (?::uuid, 1, 'follow-up', 'kiosk', 'Channel')""",
					INTERACTION, INTERACTION);
			jdbc.update("""
					insert into party_interaction_related_party (interaction_id, position, role, party_id, party_type,
					    interaction_start)
					values (?::uuid, 0, 'customer', 'cust-1', 'Customer', '2026-01-05T09:00:00Z')""", INTERACTION);
			jdbc.update("""
					insert into party_interaction_item (interaction_id, position, item_entry_id, item_id, item_type,
					    item_date)
					values (?::uuid, 0, 'entry-1', 'TT-1', 'TroubleTicket', '2026-01-05T10:00:00Z')""", INTERACTION);
			jdbc.update("""
					insert into party_interaction_attachment (interaction_id, position, attachment_id, name, url,
					    size_bytes)
					values (?::uuid, 0, 'att-1', 'photo.jpg', 'https://files.example.org/photo.jpg', 2048)""",
					INTERACTION);
			jdbc.update("""
					insert into party_interaction_note (interaction_id, position, note_id, author, note_date, text)
					values (?::uuid, 0, 'n-1', 'agent-1', now(), 'kept')""", INTERACTION);
			jdbc.update("""
					insert into hub_listener (id, callback, query, secret, status, created_at, created_by)
					values (gen_random_uuid(), 'https://listener.example.org/events',
					    'eventType=PartyInteractionStateChangeEvent', 'whsec_x', 'active', now(), 'admin')""");
		}

	}

}
