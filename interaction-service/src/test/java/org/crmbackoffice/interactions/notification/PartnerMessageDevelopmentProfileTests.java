package org.crmbackoffice.interactions.notification;

import java.io.IOException;
import java.util.List;

import org.crmbackoffice.interactions.interaction.RecordingInventory;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the development profile the local stack runs in, an SMS with no provider to take it
 * is written to the log so that a demonstration shows what the partner would be told, and
 * it says so: the message is logged, not sent, and the track record does not claim the
 * partner was notified.
 */
@ApiIntegrationTest
@ActiveProfiles("local")
// A context of its own that stays cached for the whole run: a small pool keeps its share
// of the server's
// connections small.
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=4")
class PartnerMessageDevelopmentProfileTests {

	private static final String MOBILE_ONLY = "customer-in-a-demo";

	private static RecordingInventory inventory;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PartnerMessageSender sender;

	@BeforeAll
	static void start() throws IOException {
		inventory = RecordingInventory.start();
		inventory.customers.put(MOBILE_ONLY, """
				{"id": "%s", "@type": "Customer", "name": "Alan Turing", "contactMedium": [
				  {"mediumType": "mobile", "phoneNumber": "+447700900999"}]}""".formatted(MOBILE_ONLY));
	}

	@AfterAll
	static void stop() {
		inventory.close();
	}

	@DynamicPropertySource
	static void inventory(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.inventory.base-url", () -> inventory.baseUrl());
	}

	@Test
	void recordsAnSmsItOnlyLoggedAsLoggedAndNeverAsSentOrNotified() {
		PartnerMessageSteps steps = new PartnerMessageSteps(this.client, this.jdbc);
		PartyInteraction waiting = steps.complaintWaitingFor(MOBILE_ONLY);

		this.sender.sendDue();

		assertThat(steps.messageAbout(waiting)).containsEntry("state", "logged")
			.containsEntry("channel", "sms")
			.containsEntry("provider_message_id", null);
		List<InteractionHistoryEntry> history = steps.history(waiting);
		assertThat(history).extracting(InteractionHistoryEntry::action).doesNotContain("partnerNotified");
		assertThat(history.get(history.size() - 1)).satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("partnerMessageLogged");
			assertThat(entry.changes()).singleElement()
				.satisfies((change) -> assertThat(change.to().toString()).contains("the partner got nothing")
					.contains("Alan Turing"));
		});
	}

}
