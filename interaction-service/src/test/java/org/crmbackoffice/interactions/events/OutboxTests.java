package org.crmbackoffice.interactions.events;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.hub.Dispatcher;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on its own: this service instance runs no dispatcher, as if it crashed right
 * after committing, and the tests play the dispatchers of other instances.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.hub.allow-private-callbacks=true")
class OutboxTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Dispatcher dispatcher;

	private final WebhookReceiver receiver = newReceiver();

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void changesCommittedWhileNoDispatcherRunsAreDeliveredByTheNextOne() {
		String party = register();
		for (int i = 0; i < 3; i++) {
			log(party);
		}
		EventHubTests.pause(Duration.ofMillis(500));
		assertThat(this.receiver.requests).isEmpty();

		this.dispatcher.deliverDue();

		assertThat(this.receiver.accepted()).hasSize(3);
	}

	@Test
	void dispatchersWorkingAtOnceNeverDeliverTheSameEventTwice() throws Exception {
		String party = register();
		for (int i = 0; i < 60; i++) {
			log(party);
		}

		ExecutorService instances = Executors.newFixedThreadPool(4);
		List<Future<Integer>> attempted = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			attempted.add(instances.submit(this.dispatcher::deliverDue));
		}
		int total = 0;
		for (Future<Integer> each : attempted) {
			total += each.get();
		}
		instances.shutdown();

		assertThat(total).isGreaterThanOrEqualTo(60);
		assertThat(this.receiver.accepted()).hasSize(60);
		assertThat(this.receiver.accepted()).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
	}

	private String register() {
		String party = "party-" + UUID.randomUUID();
		admin().post()
			.uri("/tmf-api/partyInteraction/v5/hub")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(this.receiver.url(),
					"event.partyInteraction.relatedParty.partyOrPartyRole.id=" + party))
			.exchange()
			.expectStatus()
			.isCreated();
		return party;
	}

	private void log(String party) {
		admin().post()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction")
			.contentType(MediaType.APPLICATION_JSON)
			.body(PartyInteractionCreate.of("Order progress", "inbound", "order request",
					List.of(new RelatedChannel("contact", ChannelRef.named("sms"))), List.of(
							new RelatedPartyOrPartyRole("partner",
									new PartyRefOrPartyRoleRef(party + "-" + UUID.randomUUID(), null, null,
											"Organization")),
							new RelatedPartyOrPartyRole("owner",
									new PartyRefOrPartyRoleRef(party, null, null, "Organization")))))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private RestTestClient admin() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

	private static WebhookReceiver newReceiver() {
		try {
			return new WebhookReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
