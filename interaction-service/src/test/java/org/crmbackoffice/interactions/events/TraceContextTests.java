package org.crmbackoffice.interactions.events;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.crmbackoffice.interactions.interaction.InteractionFixtures;
import org.crmbackoffice.interactions.interaction.RecordingInventory;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change made within a caller's trace stays in it: the call to the customer inventory
 * and the delivery of the change's event to a listener carry the same W3C trace, and the
 * request's log line names it.
 */
@ApiIntegrationTest
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@TestPropertySource(properties = { "crm.hub.dispatcher=true", "crm.hub.allow-private-callbacks=true",
		"crm.hub.poll-interval=PT0.05S" })
class TraceContextTests {

	private static RecordingInventory inventory;

	private static WebhookReceiver listener;

	@Autowired
	RestTestClient client;

	@BeforeAll
	static void start() throws IOException {
		inventory = RecordingInventory.start();
		listener = new WebhookReceiver();
	}

	@AfterAll
	static void stop() {
		inventory.close();
		listener.close();
	}

	@DynamicPropertySource
	static void recordingInventory(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.inventory.base-url", () -> inventory.baseUrl());
	}

	@Test
	void carriesTheCallersTraceIntoTheInventoryCallTheEventDeliveryAndTheLog(CapturedOutput output) {
		String customer = "customer-" + UUID.randomUUID();
		inventory.known.add(customer);
		admin().post()
			.uri("/tmf-api/partyInteraction/v5/hub")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(listener.url(),
					"event.partyInteraction.relatedParty.partyOrPartyRole.id=" + customer))
			.exchange()
			.expectStatus()
			.isCreated();
		String traceId = randomHex(16);

		admin().post()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction")
			.header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
			.contentType(MediaType.APPLICATION_JSON)
			.body(InteractionFixtures.complaintFromCustomer(customer))
			.exchange()
			.expectStatus()
			.isCreated();

		assertThat(inventory.header("traceparent")).last().asString().startsWith("00-" + traceId + "-");
		Awaitility.await("the event's delivery")
			.atMost(Duration.ofSeconds(20))
			.until(() -> !listener.accepted().isEmpty());
		assertThat(listener.accepted().get(0).traceParent()).startsWith("00-" + traceId + "-");
		assertThat(output.getOut())
			.containsPattern("\\[" + traceId + "\\] .*POST /tmf-api/partyInteraction/v5/partyInteraction -> 201");
	}

	private RestTestClient admin() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
