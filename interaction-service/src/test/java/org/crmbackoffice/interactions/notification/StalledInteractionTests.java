package org.crmbackoffice.interactions.notification;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.hub.Dispatcher;
import org.crmbackoffice.support.jobs.JobLocks;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise hears once about each interaction that is overdue, and once per stretch
 * without progress.
 */
@ApiIntegrationTest
@TestPropertySource(properties = { "crm.hub.allow-private-callbacks=true",
		"crm.interaction.stalled.check-interval=PT1H", "crm.interaction.stalled.no-progress-after=PT48H",
		"crm.interaction.stalled.no-progress-after-by-reason.complaint=PT4H" })
class StalledInteractionTests {

	@Autowired
	RestTestClient client;

	@Autowired
	StalledInteractionWatcher watcher;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	JobLocks locks;

	@Autowired
	PlatformTransactionManager transactions;

	private WebhookReceiver listener;

	private String party;

	@BeforeEach
	void listen() throws IOException {
		this.party = "party-" + UUID.randomUUID();
		this.listener = new WebhookReceiver();
		admin().post()
			.uri("/tmf-api/partyInteraction/v5/hub")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(this.listener.url(),
					"eventType=PartyInteractionOverdueEvent,"
							+ "PartyInteractionReminderEvent&event.partyInteraction.relatedParty.partyOrPartyRole.id="
							+ this.party))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@AfterEach
	void stop() {
		this.listener.close();
	}

	@Test
	void anOverdueInteractionIsReportedOnce() {
		PartyInteraction late = log("order request", OffsetDateTime.now().minusHours(1));
		log("order request", OffsetDateTime.now().plusDays(3));

		this.watcher.check();
		this.watcher.check();
		this.dispatcher.deliverDue();

		assertThat(received()).singleElement().satisfies((event) -> {
			assertThat(event.path("eventType").asString()).isEqualTo("PartyInteractionOverdueEvent");
			assertThat(event.path("event").path("partyInteraction").path("id").asString()).isEqualTo(late.id());
		});
	}

	@Test
	void skipsItsTurnWhileAnotherInstanceChecks() {
		PartyInteraction late = log("order request", OffsetDateTime.now().minusHours(1));

		new TransactionTemplate(this.transactions).executeWithoutResult((anotherInstance) -> {
			assertThat(this.locks.tryLock(StalledInteractionWatcher.JOB)).isTrue();
			assertThat(CompletableFuture.supplyAsync(this.watcher::check).join()).isEqualTo(-1);
		});
		this.watcher.check();
		this.dispatcher.deliverDue();

		assertThat(received()).singleElement()
			.satisfies((event) -> assertThat(event.path("event").path("partyInteraction").path("id").asString())
				.isEqualTo(late.id()));
	}

	@Test
	void anInteractionWithoutProgressIsRemindedOncePerStretchAfterTheTimeItsReasonAllows() {
		PartyInteraction complaint = log("complaint", null);
		PartyInteraction enquiry = log("general enquiry", null);
		lastProgress(complaint, "5 hours");
		lastProgress(enquiry, "5 hours");

		this.watcher.check();
		this.watcher.check();
		this.dispatcher.deliverDue();
		assertThat(received()).singleElement()
			.satisfies((event) -> assertThat(event.path("event").path("partyInteraction").path("id").asString())
				.isEqualTo(complaint.id()));

		lastProgress(complaint, "6 hours");
		this.watcher.check();
		this.dispatcher.deliverDue();
		assertThat(received()).hasSize(2)
			.allSatisfy((event) -> assertThat(event.path("eventType").asString())
				.isEqualTo("PartyInteractionReminderEvent"));
	}

	@Test
	void instancesCheckingAtOnceReportEachOccasionOnce() {
		log("order request", OffsetDateTime.now().minusMinutes(5));

		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(this.watcher::check);
		CompletableFuture<Integer> two = CompletableFuture.supplyAsync(this.watcher::check);
		one.join();
		two.join();
		this.dispatcher.deliverDue();

		assertThat(received()).hasSize(1);
	}

	private List<JsonNode> received() {
		return this.listener.accepted().stream().map((request) -> this.json.readTree(request.body())).toList();
	}

	/** Moves an interaction's last progress into the past, as time would. */
	private void lastProgress(PartyInteraction interaction, String ago) {
		this.jdbc.update("update party_interaction set updated_at = now() - ?::interval where id = ?::uuid", ago,
				interaction.id());
	}

	private PartyInteraction log(String reason, OffsetDateTime due) {
		return admin().post()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new PartyInteractionCreate(null, null, null, "Waiting on the back office", "inbound", reason, null,
					null, due, null, List.of(new RelatedChannel("contact", ChannelRef.named("phone"))),
					List.of(new RelatedPartyOrPartyRole("customer",
							new PartyRefOrPartyRoleRef(this.party, null, null, "Individual"))),
					null, null, null, null, null))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient admin() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

}
