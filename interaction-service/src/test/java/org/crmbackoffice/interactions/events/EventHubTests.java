package org.crmbackoffice.interactions.events;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.event.Delivery;
import org.crmbackoffice.model.event.Hub;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.model.event.Redelivery;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.support.hub.WebhookSignature;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.StandInService;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listeners registered on the hub receive every committed change of the interactions they
 * asked about, signed, once, and in order, even when they are down for a while.
 */
@ApiIntegrationTest
@DirtiesContext
@TestPropertySource(properties = { "crm.hub.dispatcher=true", "crm.hub.allow-private-callbacks=true",
		"crm.hub.poll-interval=PT0.05S", "crm.hub.first-retry=PT0.2S", "crm.hub.max-retry=PT0.5S",
		"crm.hub.max-attempts=30" })
class EventHubTests {

	private static final String INTERACTIONS = "/tmf-api/partyInteraction/v5/partyInteraction";

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private final WebhookReceiver receiver = startReceiver();

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	private String party;

	@BeforeEach
	void newParty() {
		this.party = "party-" + UUID.randomUUID();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void aHealthyListenerReceivesEveryCommittedChangeOnceAndSigned() {
		Hub hub = register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		PartyInteraction logged = logInteraction();
		patch(logged.href(), "{\"status\": \"inProgress\"}");
		patch(logged.href(), "{\"description\": \"Engineer visit booked\"}");
		logInteraction("someone-else");

		awaitAccepted(3);
		assertThat(this.receiver.accepted()).extracting((received) -> eventTypeOf(received.body()))
			.containsExactly("PartyInteractionCreateEvent", "PartyInteractionStatusChangeEvent",
					"PartyInteractionAttributeValueChangeEvent");
		assertThat(this.receiver.accepted()).allSatisfy((received) -> {
			assertThat(received.signature()).isEqualTo(WebhookSignature.sign(hub.secret(), received.id(),
					Long.parseLong(received.timestamp()), received.body()));
			assertThat(this.json.readTree(received.body()).path("event").path("partyInteraction").path("id").asString())
				.isEqualTo(logged.id());
		});
		assertThat(this.receiver.accepted()).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
		pause(Duration.ofMillis(500));
		assertThat(this.receiver.requests).hasSize(3);
	}

	@Test
	void aListenerRegisteredForTheSpecificationsEventTypesReceivesStatusChangesAndDeletionsInTheTmf688Envelope() {
		register("eventType=PartyInteractionStatusChangeEvent,PartyInteractionDeleteEvent"
				+ "&event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		PartyInteraction logged = logInteraction();
		patch(logged.href(), "{\"status\": \"inProgress\"}");
		admin().delete().uri(logged.href()).exchange().expectStatus().isNoContent();

		awaitAccepted(2);
		assertThat(this.receiver.accepted()).extracting((received) -> this.json.readTree(received.body()))
			.satisfiesExactly((statusChange) -> {
				assertThat(statusChange.path("eventType").asString()).isEqualTo("PartyInteractionStatusChangeEvent");
				assertThat(statusChange.path("@type").asString()).isEqualTo("PartyInteractionStatusChangeEvent");
				assertThat(statusChange.path("@baseType").asString()).isEqualTo("Event");
				assertThat(statusChange.path("event").path("partyInteraction").path("status").asString())
					.isEqualTo("inProgress");
			}, (deletion) -> {
				assertThat(deletion.path("eventType").asString()).isEqualTo("PartyInteractionDeleteEvent");
				assertThat(deletion.path("event").path("partyInteraction").path("id").asString())
					.isEqualTo(logged.id());
			});
	}

	@Test
	void aListenerOnTheV4HubReceivesTheV4ShapeAndFiltersOnIt() {
		Hub hub = admin().post()
			.uri("/tmf-api/partyInteraction/v4/hub")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(this.receiver.url(),
					"eventType = PartyInteractionCreateEvent&event.partyInteraction.relatedParty.id=" + this.party))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Hub.class)
			.returnResult()
			.getResponseBody();
		assertThat(hub.href()).startsWith("/tmf-api/partyInteraction/v4/hub/");

		PartyInteraction logged = logInteraction();

		awaitAccepted(1);
		JsonNode event = this.json.readTree(this.receiver.accepted().get(0).body());
		JsonNode interaction = event.path("event").path("partyInteraction");
		assertThat(interaction.path("id").asString()).isEqualTo(logged.id());
		assertThat(interaction.path("href").asString()).startsWith("/tmf-api/partyInteraction/v4/partyInteraction/");
		assertThat(interaction.path("channel").get(0).path("name").asString()).isEqualTo("email");
		assertThat(interaction.path("relatedParty").get(0).path("id").asString()).isEqualTo(this.party);
		assertThat(interaction.has("relatedChannel")).isFalse();
	}

	@Test
	void aListenerThatWasDownReceivesEverythingOnceItIsBackInOrderAndUnderTheSameIds() {
		register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		this.receiver.status = 503;
		PartyInteraction first = logInteraction();
		PartyInteraction second = logInteraction();
		patch(first.href(), "{\"status\": \"waitingForPartner\"}");
		patch(second.href(), "{\"status\": \"completed\"}");
		patch(first.href(), "{\"status\": \"completed\"}");
		await(() -> this.receiver.requests.size() >= 4, "failed attempts");

		this.receiver.status = 200;

		awaitAccepted(5);
		List<String> failedIds = this.receiver.requests.stream()
			.filter((received) -> received.answeredWith() == 503)
			.map(WebhookReceiver.Received::id)
			.toList();
		List<String> acceptedIds = this.receiver.accepted().stream().map(WebhookReceiver.Received::id).toList();
		assertThat(acceptedIds).doesNotHaveDuplicates().containsAll(failedIds);
		assertThat(statusesOf(first.id())).containsExactly("opened", "waitingForPartner", "completed");
		assertThat(statusesOf(second.id())).containsExactly("opened", "completed");
	}

	@Test
	void aListenerThatAnswersGoneIsDisabledAndGetsNothingMore() {
		Hub hub = register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		this.receiver.status = 410;
		logInteraction();
		await(() -> "disabled".equals(admin().get()
			.uri(hub.href())
			.exchange()
			.expectBody(Hub.class)
			.returnResult()
			.getResponseBody()
			.status()), "the listener to be disabled");

		this.receiver.status = 200;
		logInteraction();
		pause(Duration.ofMillis(800));
		assertThat(this.receiver.requests).hasSize(1);
	}

	@Test
	void aDeliveryCanBeSentAgain() {
		Hub hub = register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		logInteraction();
		// The receiver answers before the dispatcher records the attempt, so wait for the
		// record, not the receiver.
		await(() -> deliveriesTo(hub).stream().anyMatch((delivery) -> "delivered".equals(delivery.status())),
				"the delivery recorded as delivered");
		List<Delivery> deliveries = deliveriesTo(hub);
		assertThat(deliveries).singleElement()
			.satisfies((delivery) -> assertThat(delivery.eventType()).isEqualTo("PartyInteractionCreateEvent"));
		long deliveryId = deliveries.get(0).id();

		admin().post().uri("/interaction/v1/delivery/" + deliveryId + "/redeliver").exchange().expectStatus().isOk();

		await(() -> delivery(deliveryId).attempt().size() >= 2, "the second attempt recorded");
		assertThat(this.receiver.accepted()).hasSize(2);
		assertThat(this.receiver.accepted().get(1).id()).isEqualTo(this.receiver.accepted().get(0).id());
		assertThat(delivery(deliveryId).attempt()).hasSize(2)
			.allSatisfy((attempt) -> assertThat(attempt.statusCode()).isEqualTo(200));
	}

	@Test
	void aListenersDeadLettersAreSentAgainInOneCallOnceItIsBack() {
		Hub hub = register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		this.receiver.status = 503;
		List<String> logged = List.of(logInteraction().id(), logInteraction().id(), logInteraction().id());
		await(() -> deliveriesTo(hub).size() == 3
				&& deliveriesTo(hub).stream().allMatch((d) -> !delivery(d.id()).attempt().isEmpty()),
				"a failed attempt of each delivery recorded");
		// As the last of its tries leaves a delivery during a long outage.
		this.jdbc.update("update event_delivery set status = 'dead' where listener_id = ?::uuid", hub.id());
		// A retry already under way still meets the listener down, as it would at the end
		// of the tries; only then is the listener back.
		await(() -> deliveriesTo(hub).stream().allMatch((d) -> delivery(d.id()).attempt().size() == d.attempts()),
				"no try under way");
		this.receiver.status = 200;

		Redelivery redelivery = admin().post()
			.uri("/interaction/v1/delivery/redeliver?hubId=" + hub.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Redelivery.class)
			.returnResult()
			.getResponseBody();

		assertThat(redelivery).isEqualTo(new Redelivery(hub.id(), 3));
		awaitAccepted(3);
		assertThat(acceptedInteractionIds()).containsExactlyInAnyOrderElementsOf(logged);
		// A delivery is recorded once its answer is in, a moment after the listener saw
		// it.
		await(() -> deliveriesTo(hub).stream().allMatch((delivery) -> "delivered".equals(delivery.status())),
				"every delivery recorded as delivered");
		admin().post()
			.uri("/interaction/v1/delivery/redeliver?hubId=" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private List<Delivery> deliveriesTo(Hub hub) {
		return admin().get()
			.uri("/interaction/v1/delivery?hubId=" + hub.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Delivery>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private Delivery delivery(long id) {
		return admin().get()
			.uri("/interaction/v1/delivery/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Delivery.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void aRotatedSecretSignsBesideTheOldOneForAWhile() {
		Hub hub = register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		Hub rotated = admin().post()
			.uri(hub.href() + "/rotateSecret")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Hub.class)
			.returnResult()
			.getResponseBody();
		assertThat(rotated.secret()).isNotEqualTo(hub.secret());
		admin().get().uri(hub.href()).exchange().expectBody().jsonPath("$.secret").doesNotExist();

		logInteraction();

		awaitAccepted(1);
		WebhookReceiver.Received received = this.receiver.accepted().get(0);
		long timestamp = Long.parseLong(received.timestamp());
		assertThat(received.signature().split(" ")).containsExactly(
				WebhookSignature.sign(rotated.secret(), received.id(), timestamp, received.body()),
				WebhookSignature.sign(hub.secret(), received.id(), timestamp, received.body()));
	}

	@Test
	void aSlowListenerHoldsUpNeitherTheOtherListenersNorADatabaseTransaction() throws IOException {
		CountDownLatch slowListenerAnswers = new CountDownLatch(1);
		List<String> slowlyReceived = new CopyOnWriteArrayList<>();
		try (StandInService slow = StandInService.start((request) -> {
			slowlyReceived.add(request.header("webhook-id"));
			try {
				slowListenerAnswers.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return StandInService.Answer.status(204);
		})) {
			Hub healthy = register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
			Hub slowHub = register(slow.baseUrl() + "/events",
					"event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
			List<String> logged = List.of(logInteraction().id(), logInteraction().id(), logInteraction().id());

			awaitAccepted(3);
			// Three events about three interactions are posted to the slow listener at
			// once.
			await(() -> slowlyReceived.size() == 3, "all three calls under way at the slow listener");
			pause(Duration.ofMillis(1500));
			assertThat(slowlyReceived).hasSize(3);
			assertThat(this.jdbc.queryForObject("""
					select count(*) from pg_stat_activity
					where datname = current_database() and pid <> pg_backend_pid()
					  and xact_start < clock_timestamp() - interval '1 second'""", Integer.class))
				.as("transactions open for more than a second while the slow listener answers")
				.isZero();

			slowListenerAnswers.countDown();
			await(() -> Stream.of(healthy, slowHub)
				.flatMap((hub) -> deliveriesTo(hub).stream())
				.filter((delivery) -> "delivered".equals(delivery.status()))
				.count() == 2 * logged.size(), "every delivery to both listeners recorded as delivered");
		}
	}

	@Test
	void aListenerThatKeepsFailingGetsOnlyAProbeNowAndThenUntilItAnswersAndThenEverything() {
		register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		this.receiver.status = 503;
		List<String> logged = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			logged.add(logInteraction().id());
		}
		await(() -> this.receiver.requests.size() >= 5, "five failed calls");
		int before = this.receiver.requests.size();
		pause(Duration.ofSeconds(2));
		// Retried without a circuit, eight deliveries would be called every 0.1 to 0.5 s.
		assertThat(this.receiver.requests.size() - before).as("calls in two seconds with the circuit open")
			.isLessThanOrEqualTo(6);

		this.receiver.status = 200;

		awaitAccepted(8);
		assertThat(acceptedInteractionIds()).containsExactlyInAnyOrderElementsOf(logged);
	}

	@Test
	void reportsBacklogDelayAndFailuresOnThePrometheusEndpoint() {
		register("event.partyInteraction.relatedParty.partyOrPartyRole.id=" + this.party);
		logInteraction();
		awaitAccepted(1);

		String metrics = admin().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(metrics).contains("crm_hub_outbox_backlog", "crm_hub_delivery_delay_seconds_count",
				"crm_hub_delivery_failures_total");
	}

	@Test
	void onlyAnAdministratorManagesListeners() {
		this.client.post()
			.uri("/tmf-api/partyInteraction/v5/hub")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(this.receiver.url(), null))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private List<String> statusesOf(String interactionId) {
		return this.receiver.accepted()
			.stream()
			.map((received) -> this.json.readTree(received.body()).path("event").path("partyInteraction"))
			.filter((interaction) -> interaction.path("id").asString().equals(interactionId))
			.map((interaction) -> interaction.path("status").asString())
			.toList();
	}

	private List<String> acceptedInteractionIds() {
		return this.receiver.accepted()
			.stream()
			.map((received) -> this.json.readTree(received.body())
				.get("event")
				.get("partyInteraction")
				.get("id")
				.asString())
			.toList();
	}

	private String eventTypeOf(String body) {
		return this.json.readTree(body).path("eventType").asString();
	}

	private Hub register(String query) {
		return register(this.receiver.url(), query);
	}

	private Hub register(String callback, String query) {
		return admin().post()
			.uri("/tmf-api/partyInteraction/v5/hub")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(callback, query))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Hub.class)
			.returnResult()
			.getResponseBody();
	}

	private PartyInteraction logInteraction() {
		return logInteraction(this.party);
	}

	private PartyInteraction logInteraction(String partyId) {
		return admin().post()
			.uri(INTERACTIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.body(PartyInteractionCreate.of("Order progress", "inbound", "order request",
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

	private RestTestClient admin() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

	private void awaitAccepted(int count) {
		await(() -> this.receiver.accepted().size() >= count, count + " accepted deliveries");
	}

	static void await(Supplier<Boolean> condition, String what) {
		Awaitility.await(what).atMost(Duration.ofSeconds(20)).until(condition::get);
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static WebhookReceiver startReceiver() {
		try {
			return new WebhookReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
