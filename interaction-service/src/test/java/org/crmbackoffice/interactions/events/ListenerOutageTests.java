package org.crmbackoffice.interactions.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.event.Delivery;
import org.crmbackoffice.model.event.Hub;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that stays down: behind its open circuit, deliveries wait untried, and those
 * that waited longer than their whole series of tries would have taken (here two tries
 * three seconds apart) become dead letters as they would have without the circuit, so a
 * dead listener does not keep its months of events from retention. The circuit lets a
 * probe through as often as a delivery gives up waiting, so the interactions must be
 * logged well within those seconds: logged a probe apart, each would be tried. Three
 * seconds leave room on a machine busy with other builds, where one second did not.
 */
@ApiIntegrationTest
@DirtiesContext
@TestPropertySource(properties = { "crm.hub.dispatcher=true", "crm.hub.allow-private-callbacks=true",
		"crm.hub.poll-interval=PT0.05S", "crm.hub.first-retry=PT3S", "crm.hub.max-retry=PT3S",
		"crm.hub.max-attempts=2" })
class ListenerOutageTests {

	@Autowired
	RestTestClient client;

	@Test
	void whatWaitsBehindAnOpenCircuitLongerThanItsTriesWouldTakeBecomesADeadLetter() throws IOException {
		try (WebhookReceiver listener = new WebhookReceiver()) {
			listener.status = 503;
			String party = "party-" + UUID.randomUUID();
			Hub hub = asAdmin().post()
				.uri("/tmf-api/partyInteraction/v5/hub")
				.contentType(MediaType.APPLICATION_JSON)
				.body(new HubRegistration(listener.url(),
						"event.partyInteraction.relatedParty.partyOrPartyRole.id=" + party))
				.exchange()
				.expectBody(Hub.class)
				.returnResult()
				.getResponseBody();
			for (int i = 0; i < 12; i++) {
				asAdmin().post()
					.uri("/tmf-api/partyInteraction/v5/partyInteraction")
					.contentType(MediaType.APPLICATION_JSON)
					.body(PartyInteractionCreate.of("Outage " + i, "inbound", "order request",
							List.of(new RelatedChannel("contact", ChannelRef.named("phone"))),
							List.of(new RelatedPartyOrPartyRole("partner",
									new PartyRefOrPartyRoleRef(party, null, null, "Organization")))))
					.exchange()
					.expectStatus()
					.isCreated();
			}

			Awaitility.await("every delivery a dead letter")
				.atMost(Duration.ofSeconds(40))
				.until(() -> deliveriesTo(hub).size() == 12
						&& deliveriesTo(hub).stream().allMatch((delivery) -> "dead".equals(delivery.status())));

			List<Integer> triesMade = deliveriesTo(hub).stream()
				.map((delivery) -> triesOf(delivery.id()).size())
				.toList();
			assertThat(triesMade).as("deliveries given up without their two tries").contains(0);
			assertThat(listener.requests).as("calls to the listener").hasSizeLessThan(12 * 2);
		}
	}

	private List<Delivery> deliveriesTo(Hub hub) {
		return asAdmin().get()
			.uri("/interaction/v1/delivery?hubId={hub}", hub.id())
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Delivery>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private List<Delivery.Attempt> triesOf(long deliveryId) {
		return asAdmin().get()
			.uri("/interaction/v1/delivery/{id}", deliveryId)
			.exchange()
			.expectBody(Delivery.class)
			.returnResult()
			.getResponseBody()
			.attempt();
	}

	private RestTestClient asAdmin() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

}
