package org.crmbackoffice.interactions.notification;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.crmbackoffice.interactions.interaction.InteractionFixtures;
import org.crmbackoffice.interactions.interaction.RecordingInventory;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionApi;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner hears about the progress of its interaction by email, at its preferred
 * address from the customer inventory, through a real SMTP server; the message is part of
 * the interaction's track record.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.interaction.stalled.notify-partner=true")
class PartnerMessageTests {

	private static final String CUSTOMER = "customer-with-email";

	private static final String MOBILE_ONLY = "customer-with-mobile-only";

	private static RecordingInventory inventory;

	private static GreenMail smtp;

	@Autowired
	RestTestClient client;

	@Autowired
	PartnerMessageSender sender;

	@Autowired
	StalledInteractionWatcher watcher;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void start() throws IOException {
		inventory = RecordingInventory.start();
		inventory.customers.put(CUSTOMER, """
				{"id": "%s", "@type": "Customer", "name": "Ada Lovelace", "contactMedium": [
				  {"mediumType": "mobile", "phoneNumber": "+447700900123"},
				  {"mediumType": "email", "emailAddress": "ada@example.org", "preferred": true}]}"""
			.formatted(CUSTOMER));
		inventory.customers.put(MOBILE_ONLY, """
				{"id": "%s", "@type": "Customer", "name": "Grace Hopper", "contactMedium": [
				  {"mediumType": "mobile", "phoneNumber": "+447700900456"}]}""".formatted(MOBILE_ONLY));
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
		inventory.close();
	}

	@DynamicPropertySource
	static void inventoryAndMailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.inventory.base-url", () -> inventory.baseUrl());
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Test
	void tellsThePartnerByEmailWhenItsInteractionWaitsForItAndRecordsIt() throws Exception {
		int before = smtp.getReceivedMessages().length;
		PartyInteraction logged = steps().logComplaintFrom(CUSTOMER);
		steps().patch(logged.href(), "{\"status\": \"waitingForBackOffice\"}");
		this.sender.sendDue();
		assertThat(smtp.getReceivedMessages()).as("no message for a status the partner is not told about")
			.hasSize(before);

		steps().patch(logged.href(), "{\"status\": \"waitingForPartner\"}");
		this.sender.sendDue();

		assertThat(smtp.waitForIncomingEmail(5000, before + 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[before];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
		assertThat(mail.getSubject()).isEqualTo("Update on your request");
		assertThat(GreenMailUtil.getBody(mail)).contains("Ada Lovelace")
			.contains("complaint")
			.contains("waiting for you");
		List<InteractionHistoryEntry> history = steps().history(logged);
		assertThat(history.get(history.size() - 1)).satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("partnerNotified");
			assertThat(entry.channel()).isEqualTo("email");
			assertThat(entry.changes()).singleElement()
				.satisfies((change) -> assertThat(change.to().toString()).contains("ada@example.org"));
		});
	}

	@Test
	void remindsThePartnerOfAnOverdueInteraction() throws Exception {
		int before = smtp.getReceivedMessages().length;
		PartyInteractionCreate overdue = InteractionFixtures.complaintFromCustomer(CUSTOMER);
		this.client.post()
			.uri(PartyInteractionApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new PartyInteractionCreate(null, null, null, overdue.description(), overdue.direction(),
					"line repair", null, null, OffsetDateTime.now().minusHours(2), null, overdue.relatedChannel(),
					overdue.relatedParty(), null, null, null, null, null))
			.exchange()
			.expectStatus()
			.isCreated();

		this.watcher.check();
		this.sender.sendDue();

		assertThat(smtp.waitForIncomingEmail(5000, before + 1)).isTrue();
		assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[before])).contains("line repair")
			.contains("taking longer than planned");
	}

	@Test
	void leavesAnSmsUndeliverableAndOutOfTheTrackRecordWhenNoSmsProviderIsConfigured() {
		PartyInteraction waiting = steps().complaintWaitingFor(MOBILE_ONLY);

		this.sender.sendDue();

		assertThat(steps().messageAbout(waiting)).containsEntry("state", "undeliverable")
			.containsEntry("channel", "sms")
			.hasEntrySatisfying("error",
					(error) -> assertThat(error.toString()).contains("no SMS provider is configured"));
		assertThat(steps().actionsInHistoryOf(waiting)).doesNotContain("partnerNotified", "partnerMessageLogged");
	}

	private PartnerMessageSteps steps() {
		return new PartnerMessageSteps(this.client, this.jdbc);
	}

}
