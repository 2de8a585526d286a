package org.crmbackoffice.interactions.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.crmbackoffice.interactions.interaction.RecordingInventory;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.StandInService.Answer;
import org.crmbackoffice.testsupport.StandInService.Request;
import org.crmbackoffice.testsupport.StandInService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner whose preferred contact medium is a mobile phone is told about progress by
 * SMS through the provider's HTTP API, here a real HTTP server standing in for the
 * provider: the message counts as sent, and enters the track record, only once the
 * provider took it.
 */
@ApiIntegrationTest
// A context of its own that stays cached for the whole run: a small pool keeps its share
// of the server's
// connections small.
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=4")
class PartnerMessageSmsProviderTests {

	private static final String MESSAGES_PATH = "/v2/sms/outbound";

	private static final int MAX_ATTEMPTS = 3;

	private static RecordingInventory inventory;

	private static StandInService provider;

	/**
	 * What the provider answers for a phone number; taken with a new message id
	 * otherwise.
	 */
	private static final Map<String, Answer> answers = new ConcurrentHashMap<>();

	/** Phone numbers the provider keeps waiting until their latch opens. */
	private static final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

	private static final Map<String, CountDownLatch> arrived = new ConcurrentHashMap<>();

	private static final AtomicInteger messageIds = new AtomicInteger();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PartnerMessageSender sender;

	@BeforeAll
	static void start() throws IOException {
		inventory = RecordingInventory.start();
		provider = StandInService.start(PartnerMessageSmsProviderTests::answer);
	}

	@AfterAll
	static void stop() {
		held.values().forEach(CountDownLatch::countDown);
		provider.close();
		inventory.close();
	}

	@DynamicPropertySource
	static void inventoryAndSmsProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.inventory.base-url", () -> inventory.baseUrl());
		registry.add("crm.interaction.partner-messages.max-attempts", () -> MAX_ATTEMPTS);
		registry.add("crm.interaction.partner-messages.sms.url", () -> provider.baseUrl() + MESSAGES_PATH);
		registry.add("crm.interaction.partner-messages.sms.bearer-token", () -> "provider-token-7");
		registry.add("crm.interaction.partner-messages.sms.sender-id", () -> "CRMCare");
		registry.add("crm.interaction.partner-messages.sms.recipient-field", () -> "destination");
		registry.add("crm.interaction.partner-messages.sms.sender-field", () -> "originator");
		registry.add("crm.interaction.partner-messages.sms.text-field", () -> "body");
		registry.add("crm.interaction.partner-messages.sms.message-id-pointer", () -> "/messages/0/id");
		registry.add("crm.interaction.partner-messages.sms.timeout", () -> "1s");
	}

	private static Answer answer(Request request) {
		String phoneNumber = json.readTree(request.body()).path("destination").asString();
		arrived.computeIfAbsent(phoneNumber, (number) -> new CountDownLatch(1)).countDown();
		CountDownLatch latch = held.get(phoneNumber);
		if (latch != null) {
			try {
				latch.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Answer answer = answers.get(phoneNumber);
		return (answer != null) ? answer
				: new Answer(201, "{\"messages\": [{\"id\": \"sms-" + messageIds.incrementAndGet() + "\"}]}");
	}

	@Test
	void handsTheSmsToTheProviderWithItsCredentialsAndRecordsItAsSentWithTheProvidersId() {
		String phoneNumber = customerWithMobile("mobile-taken", "+447700900001");
		PartyInteraction waiting = steps().complaintWaitingFor("mobile-taken");

		this.sender.sendDue();

		Request request = requestsFor(phoneNumber).get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(MESSAGES_PATH);
		assertThat(request.authorization()).isEqualTo("Bearer provider-token-7");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		JsonNode body = json.readTree(request.body());
		assertThat(body.path("originator").asString()).isEqualTo("CRMCare");
		assertThat(body.path("body").asString()).contains("Hello Grace Hopper")
			.contains("complaint")
			.contains("waiting for you");
		Map<String, Object> message = steps().messageAbout(waiting);
		assertThat(message).containsEntry("state", "sent")
			.containsEntry("channel", "sms")
			.containsEntry("recipient", phoneNumber);
		String providerId = (String) message.get("provider_message_id");
		assertThat(providerId).startsWith("sms-");
		List<InteractionHistoryEntry> history = steps().history(waiting);
		assertThat(history.get(history.size() - 1)).satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("partnerNotified");
			assertThat(entry.channel()).isEqualTo("sms");
			assertThat(entry.changes()).singleElement()
				.satisfies((change) -> assertThat(change.to().toString()).contains(phoneNumber).contains(providerId));
		});
	}

	@Test
	void marksAnSmsTheProviderRefusesUndeliverableWithTheProvidersReason() {
		String phoneNumber = customerWithMobile("mobile-refused", "+447700900002");
		answers.put(phoneNumber, new Answer(400, "{\"error\": \"destination is not a mobile number\"}"));
		PartyInteraction waiting = steps().complaintWaitingFor("mobile-refused");

		this.sender.sendDue();

		assertThat(requestsFor(phoneNumber)).as("a refusal is not tried again").hasSize(1);
		Map<String, Object> message = steps().messageAbout(waiting);
		assertThat(message).containsEntry("state", "undeliverable").containsEntry("provider_message_id", null);
		assertThat(message.get("error").toString()).contains("400").contains("destination is not a mobile number");
		assertThat(steps().actionsInHistoryOf(waiting)).doesNotContain("partnerNotified");
	}

	@Test
	void triesAnSmsAgainLaterWhileTheProviderFailsAndRecordsItOnceTheProviderTookIt() {
		String phoneNumber = customerWithMobile("mobile-provider-down", "+447700900003");
		answers.put(phoneNumber, Answer.status(503));
		PartyInteraction waiting = steps().complaintWaitingFor("mobile-provider-down");

		this.sender.sendDue();

		assertThat(steps().messageAbout(waiting)).containsEntry("state", "pending")
			.containsEntry("attempts", 1)
			.containsEntry("waits", true)
			.hasEntrySatisfying("error", (error) -> assertThat(error.toString()).contains("503"));
		assertThat(steps().actionsInHistoryOf(waiting)).doesNotContain("partnerNotified");

		answers.remove(phoneNumber);
		steps().makeDueAgain(waiting);
		this.sender.sendDue();

		assertThat(requestsFor(phoneNumber)).hasSize(2);
		assertThat(steps().messageAbout(waiting)).containsEntry("state", "sent")
			.containsEntry("attempts", 2)
			.containsEntry("error", null);
		assertThat(steps().actionsInHistoryOf(waiting)).containsOnlyOnce("partnerNotified");
	}

	@Test
	void triesAnSmsAgainLaterWhenTheProviderDoesNotAnswerInTime() {
		String phoneNumber = customerWithMobile("mobile-provider-slow", "+447700900004");
		held.put(phoneNumber, new CountDownLatch(1));
		PartyInteraction waiting = steps().complaintWaitingFor("mobile-provider-slow");

		this.sender.sendDue();
		held.get(phoneNumber).countDown();

		assertThat(steps().messageAbout(waiting)).containsEntry("state", "pending")
			.containsEntry("waits", true)
			.hasEntrySatisfying("error",
					(error) -> assertThat(error.toString()).contains("the SMS provider could not be reached"));
	}

	@Test
	void givesAnSmsUpAsUndeliverableWhenTheProviderStillFailsAtTheLastAttempt() {
		String phoneNumber = customerWithMobile("mobile-provider-gone", "+447700900005");
		answers.put(phoneNumber, Answer.status(502));
		PartyInteraction waiting = steps().complaintWaitingFor("mobile-provider-gone");

		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			steps().makeDueAgain(waiting);
			this.sender.sendDue();
		}
		steps().makeDueAgain(waiting);
		this.sender.sendDue();

		assertThat(requestsFor(phoneNumber)).hasSize(MAX_ATTEMPTS);
		assertThat(steps().messageAbout(waiting)).containsEntry("state", "undeliverable")
			.containsEntry("attempts", MAX_ATTEMPTS)
			.hasEntrySatisfying("error", (error) -> assertThat(error.toString()).contains("502"));
	}

	@Test
	void holdsNoLockOnTheMessageOrTheInteractionWhileTheProviderIsAsked() throws Exception {
		String phoneNumber = customerWithMobile("mobile-provider-busy", "+447700900006");
		CountDownLatch release = new CountDownLatch(1);
		held.put(phoneNumber, release);
		arrived.put(phoneNumber, new CountDownLatch(1));
		PartyInteraction waiting = steps().complaintWaitingFor("mobile-provider-busy");

		try {
			CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(this.sender::sendDue);
			assertThat(arrived.get(phoneNumber).await(10, TimeUnit.SECONDS)).isTrue();

			assertThat(this.jdbc.queryForList(
					"select id from partner_message where interaction_id = ?::uuid for update nowait", waiting.id()))
				.hasSize(1);
			steps().patch(waiting.href(), "{\"description\": \"Changed while the partner is being told\"}");
			release.countDown();
			sending.get(30, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
		}
		// The scheduled sender of this instance may have claimed the message before the
		// call above did.
		Awaitility.await("the message sent")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForList("select state from partner_message where interaction_id = ?::uuid",
					String.class, waiting.id()), (states) -> states.equals(List.of("sent")));
	}

	private static String customerWithMobile(String customerId, String phoneNumber) {
		inventory.customers.put(customerId, """
				{"id": "%s", "@type": "Customer", "name": "Grace Hopper", "contactMedium": [
				  {"mediumType": "mobile", "phoneNumber": "%s", "preferred": true}]}""".formatted(customerId,
				phoneNumber));
		return phoneNumber;
	}

	private static List<Request> requestsFor(String phoneNumber) {
		return provider.requests.stream()
			.filter((request) -> phoneNumber.equals(json.readTree(request.body()).path("destination").asString()))
			.toList();
	}

	private PartnerMessageSteps steps() {
		return new PartnerMessageSteps(this.client, this.jdbc);
	}

}
