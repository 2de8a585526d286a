package org.crmbackoffice.interactions.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the event stream on, every event also reaches Kafka, on a topic per resource,
 * keyed by the resource's id, in the envelope the webhooks carry, in order per
 * interaction.
 */
@ApiIntegrationTest
@DirtiesContext
@EmbeddedKafka(partitions = 3, topics = "crm.partyInteraction")
@TestPropertySource(properties = { "crm.stream.kafka.enabled=true",
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "crm.hub.dispatcher=true",
		"crm.hub.allow-private-callbacks=true", "crm.hub.poll-interval=PT0.05S" })
class EventStreamTests {

	private static final String INTERACTIONS = "/tmf-api/partyInteraction/v5/partyInteraction";

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private final WebhookReceiver receiver = startReceiver();

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	MeterRegistry meters;

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void everyEventReachesItsTopicKeyedByTheInteractionInTheWebhooksEnvelopeAndInOrder() {
		String party = "streamed-" + UUID.randomUUID();
		admin().post()
			.uri("/tmf-api/partyInteraction/v5/hub")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(this.receiver.url(),
					"event.partyInteraction.relatedParty.partyOrPartyRole.id=" + party))
			.exchange()
			.expectStatus()
			.isCreated();
		PartyInteraction first = logInteraction(party);
		PartyInteraction second = logInteraction(party);
		patch(first.href(), "{\"status\": \"inProgress\"}");
		patch(second.href(), "{\"status\": \"completed\"}");
		patch(first.href(), "{\"description\": \"Engineer visit booked\"}");

		List<ConsumerRecord<String, String>> streamed = consume(List.of(first.id(), second.id()), 5);

		assertThat(streamed).extracting(ConsumerRecord::topic).containsOnly("crm.partyInteraction");
		assertThat(streamed.stream().filter((record) -> record.key().equals(first.id())))
			.extracting((record) -> header(record, "eventType"))
			.containsExactly("PartyInteractionCreateEvent", "PartyInteractionStatusChangeEvent",
					"PartyInteractionAttributeValueChangeEvent");
		assertThat(streamed.stream().filter((record) -> record.key().equals(second.id())))
			.extracting((record) -> header(record, "eventType"))
			.containsExactly("PartyInteractionCreateEvent", "PartyInteractionStatusChangeEvent");
		Awaitility.await("the webhooks of the same events")
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.receiver.accepted().size() >= 5);
		Map<String, String> webhookBodies = new HashMap<>();
		this.receiver.accepted().forEach((received) -> webhookBodies.put(received.id(), received.body()));
		assertThat(streamed).allSatisfy((record) -> {
			String eventId = header(record, "eventId");
			assertThat(this.json.readTree(record.value()).get("eventId").asString()).isEqualTo(eventId);
			assertThat(record.value()).as("the envelope of event %s", eventId).isEqualTo(webhookBodies.get(eventId));
		});
		assertThat(this.jdbc.queryForObject("select count(*) from event_stream_pending", Integer.class))
			.as("events still owed to the stream")
			.isZero();
		assertThat(this.meters.get("crm.stream.events.sent").counter().count()).isGreaterThanOrEqualTo(5);
		assertThat(this.meters.get("crm.stream.backlog").gauge().value()).isZero();
	}

	/** The records about these interactions, once the expected number has arrived. */
	private List<ConsumerRecord<String, String>> consume(List<String> interactionIds, int expected) {
		Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "stream-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("crm.partyInteraction"));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (interactionIds.contains(record.key())) {
						received.add(record);
					}
				});
			}
		}
		assertThat(received).as("records about %s", interactionIds).hasSize(expected);
		return received;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private PartyInteraction logInteraction(String partyId) {
		return admin().post()
			.uri(INTERACTIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.body(PartyInteractionCreate.of("Streamed", "inbound", "order request",
					List.of(new RelatedChannel("contact", ChannelRef.named("email"))),
					List.of(new RelatedPartyOrPartyRole("partner",
							new PartyRefOrPartyRoleRef(partyId, null, null, "Organization")))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private void patch(String href, String mergePatch) {
		admin().patch().uri(href).contentType(MERGE_PATCH).body(mergePatch).exchange().expectStatus().isOk();
	}

	private static WebhookReceiver startReceiver() {
		try {
			return new WebhookReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private RestTestClient admin() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

}
