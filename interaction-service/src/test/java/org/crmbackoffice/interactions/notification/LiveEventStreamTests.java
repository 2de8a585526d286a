package org.crmbackoffice.interactions.notification;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.crmbackoffice.support.live.LiveEventStreams;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.EventStreamClient;
import org.crmbackoffice.testsupport.JsonClient;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Front ends keep a live stream open and see every change they may see as it commits: a
 * partner only what it takes part in, an agent the reminders of its interactions, and a
 * client that reconnects everything it missed, once.
 */
@ApiIntegrationTest
@TestPropertySource(properties = { "crm.interaction.stalled.check-interval=PT1H", "crm.live.heartbeat=PT0.3S",
		"crm.live.max-streams=3", "crm.live.max-streams-per-client=2" })
class LiveEventStreamTests {

	private static final String INTERACTIONS = "/tmf-api/partyInteraction/v5/partyInteraction";

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	StalledInteractionWatcher watcher;

	@Autowired
	LiveEventStreams streams;

	private String party;

	@BeforeEach
	void newPartyAndNoStreamLeftFromTheTestBefore() {
		this.party = "party-" + UUID.randomUUID();
		// A closed stream is noticed when the next heartbeat cannot be written.
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.streams.openStreams() == 0);
	}

	@Test
	void aPartnersStreamCarriesOnlyItsOwnInteractionsWhileAnAgentsCarriesEveryOne() {
		String otherParty = "party-" + UUID.randomUUID();
		try (EventStreamClient partner = open("", partnerToken(this.party), null);
				EventStreamClient agent = open(
						"?event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party + "," + otherParty,
						agentToken("agent-1"), null)) {
			assertThat(List.of(partner.status(), agent.status())).containsOnly(200);
			JsonNode own = log(this.party, null);
			log(otherParty, null);
			staff().patch(INTERACTIONS + "/" + own.path("id").asString(), "{\"status\": \"inProgress\"}");

			assertThat(agent.await(3)).extracting(this::summary)
				.containsExactly("PartyInteractionCreateEvent " + this.party,
						"PartyInteractionCreateEvent " + otherParty, "PartyInteractionStatusChangeEvent " + this.party);
			assertThat(partner.await(2)).extracting(this::summary)
				.containsExactly("PartyInteractionCreateEvent " + this.party,
						"PartyInteractionStatusChangeEvent " + this.party);
			pause(Duration.ofMillis(500));
			assertThat(partner.events()).hasSize(2);
			assertThat(partner.comments()).contains("heartbeat");
		}
	}

	@Test
	void aClientThatReconnectsWithTheLastEventIdMissesNothingAndRepeatsNothing() {
		String query = "?event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party;
		String lastEventId;
		JsonNode logged;
		try (EventStreamClient first = open(query, agentToken("agent-2"), null)) {
			logged = log(this.party, null);
			lastEventId = first.await(1).get(0).id();
		}
		String href = INTERACTIONS + "/" + logged.path("id").asString();
		staff().patch(href, "{\"status\": \"inProgress\"}");
		staff().patch(href, "{\"description\": \"Router replaced\"}");
		staff().patch(href, "{\"status\": \"completed\"}");

		try (EventStreamClient resumed = open(query, agentToken("agent-2"), lastEventId)) {
			log(this.party, null);
			assertThat(resumed.await(4)).extracting((event) -> eventType(event))
				.containsExactly("PartyInteractionStatusChangeEvent", "PartyInteractionAttributeValueChangeEvent",
						"PartyInteractionStatusChangeEvent", "PartyInteractionCreateEvent");
			pause(Duration.ofMillis(500));
			assertThat(resumed.events()).hasSize(4).extracting(EventStreamClient.Received::id).doesNotHaveDuplicates();
		}
	}

	@Test
	void aClientWhoseLastEventIsNoLongerKeptIsToldToReload() {
		try (EventStreamClient stale = open("", agentToken("agent-3"), "1.1")) {
			assertThat(stale.await(1)).singleElement()
				.satisfies((signal) -> assertThat(signal.name()).isEqualTo("reload"));
			log(this.party, null);
			assertThat(stale.await(2).get(1).name()).isEqualTo("message");
		}
		try (EventStreamClient garbled = open("", agentToken("agent-3"), "yesterday")) {
			assertThat(garbled.status()).isEqualTo(400);
			assertThat(garbled.refusal()).contains("\"type\"").contains("Last-Event-ID");
		}
	}

	@Test
	void overdueAndStalledRemindersReachTheAgentsStreamButNotThePartners() {
		String agentQuery = "?eventType=PartyInteractionOverdueEvent&event.partyInteraction.relatedParty"
				+ ".partyOrPartyRole.id=agent-4";
		try (EventStreamClient agent = open(agentQuery, agentToken("agent-4"), null);
				EventStreamClient partner = open("", partnerToken(this.party), null)) {
			JsonNode late = log(this.party, OffsetDateTime.now().minusHours(1));
			this.watcher.check();

			assertThat(agent.await(1)).singleElement().satisfies((reminder) -> {
				JsonNode envelope = this.json.readTree(reminder.data());
				assertThat(envelope.path("eventType").asString()).isEqualTo("PartyInteractionOverdueEvent");
				assertThat(envelope.path("event").path("partyInteraction").path("id").asString())
					.isEqualTo(late.path("id").asString());
			});
			pause(Duration.ofMillis(500));
			assertThat(partner.events()).extracting(this::eventType).containsExactly("PartyInteractionCreateEvent");
		}
	}

	@Test
	void streamsBeyondAClientsOrTheInstancesBoundAreRefusedWithAProblemSayingWhenToRetry() {
		try (EventStreamClient first = open("", agentToken("agent-5"), null);
				EventStreamClient second = open("", agentToken("agent-5"), null);
				EventStreamClient third = open("", agentToken("agent-5"), null);
				EventStreamClient another = open("", agentToken("agent-6"), null);
				EventStreamClient beyond = open("", agentToken("agent-7"), null)) {
			assertThat(List.of(first.status(), second.status(), another.status())).containsOnly(200);
			assertThat(third.status()).isEqualTo(429);
			assertThat(third.refusal()).contains("too-many-requests");
			assertThat(beyond.status()).isEqualTo(503);
			assertThat(beyond.refusal()).contains("streams-exhausted");
		}
	}

	private EventStreamClient open(String query, String token, String lastEventId) {
		return EventStreamClient.open(URI.create("http://localhost:" + this.port + "/interaction/v1/events" + query),
				token, lastEventId);
	}

	private JsonNode log(String partyId, OffsetDateTime dueDate) {
		String due = (dueDate != null) ? ", \"dueDate\": \"" + dueDate + "\"" : "";
		return staff().post(INTERACTIONS,
				"""
						{"direction": "inbound", "reason": "order request"%s,
						 "relatedChannel": [{"role": "contact", "channel": {"id": "phone"}}],
						 "relatedParty": [{"role": "customer", "partyOrPartyRole": {"id": "%s", "@referredType": "Individual"}},
						                  {"role": "agent", "partyOrPartyRole": {"id": "agent-4", "@referredType": "Individual"}}]}"""
					.formatted(due, partyId));
	}

	private String summary(EventStreamClient.Received received) {
		JsonNode envelope = this.json.readTree(received.data());
		return envelope.path("eventType").asString() + " "
				+ envelope.path("event")
					.path("partyInteraction")
					.path("relatedParty")
					.get(0)
					.path("partyOrPartyRole")
					.path("id")
					.asString();
	}

	private String eventType(EventStreamClient.Received received) {
		return this.json.readTree(received.data()).path("eventType").asString();
	}

	private JsonClient staff() {
		return new JsonClient(this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.SUPERVISOR)))
			.build(), this.json);
	}

	private static String agentToken(String subject) {
		return TestIssuer.shared().token().subject(subject).roles(Roles.AGENT).build();
	}

	private static String partnerToken(String partyId) {
		return TestIssuer.shared().token().subject("partner-" + partyId).roles(Roles.PARTNER).partyId(partyId).build();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
