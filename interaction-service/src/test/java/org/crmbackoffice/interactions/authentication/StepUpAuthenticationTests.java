package org.crmbackoffice.interactions.authentication;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.model.interaction.AuthenticationCode;
import org.crmbackoffice.model.interaction.AuthenticationMethod;
import org.crmbackoffice.model.interaction.InteractionAuthentication;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry.FieldChange;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionApi;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.support.hub.Dispatcher;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * A partner that called anonymously (on the phone, in a chat begun before it signed in)
 * proves who it is through the API, by its token or by the one-time code an agent told
 * it, and the interaction's partner is authenticated from then on; agents record the
 * checks they made. The interactions name individuals, so the inventory is not asked.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.hub.allow-private-callbacks=true")
class StepUpAuthenticationTests {

	private static final TestIssuer issuer = TestIssuer.shared();

	private final String partnerId = "ind-" + UUID.randomUUID();

	private final String partner = issuer.token()
		.subject("self-service-" + this.partnerId)
		.roles(Roles.PARTNER)
		.partyId(this.partnerId)
		.build();

	private final String otherPartner = issuer.token()
		.subject("someone-else")
		.roles(Roles.PARTNER)
		.partyId("ind-" + UUID.randomUUID())
		.build();

	private final String agent = issuer.token().subject("agent-ann").roles(Roles.AGENT).build();

	@Autowired
	RestTestClient client;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aPartnerTheInteractionNamesProvesItselfWithItsTokenAndListenersHearOfIt() throws IOException {
		try (WebhookReceiver listener = new WebhookReceiver()) {
			listenFor(listener, this.partnerId);
			PartyInteraction call = log("technical support", this.partnerId);
			assertThat(call.authenticationLevel().value()).isEqualTo("anonymous");

			InteractionAuthentication done = authenticate(call, this.partner, "{}").expectStatus()
				.isOk()
				.expectBody(InteractionAuthentication.class)
				.returnResult()
				.getResponseBody();

			assertThat(done).extracting("interactionId", "method", "authenticatedBy", "partyId", "partyAdded")
				.containsExactly(call.id(), AuthenticationMethod.PARTNER_TOKEN, "self-service-" + this.partnerId,
						this.partnerId, false);
			assertThat(read(call, this.partner).authenticationLevel().value()).isEqualTo("authenticated");
			assertThat(history(call)).last().satisfies((entry) -> {
				assertThat(entry.action()).isEqualTo("authenticated");
				assertThat(entry.changedBy()).isEqualTo("self-service-" + this.partnerId);
				assertThat(entry.changedAt()).isCloseTo(done.authenticatedAt(), within(1, ChronoUnit.MILLIS));
				assertThat(entry.changes()).extracting(FieldChange::field, FieldChange::from, FieldChange::to)
					.contains(tuple("authenticationLevel", "anonymous", "authenticated"),
							tuple("authenticationMethod", null, "partner-token"),
							tuple("authenticatedParty", null, this.partnerId));
			});
			this.dispatcher.deliverDue();
			assertThat(listener.accepted()).map((received) -> this.json.readTree(received.body()))
				.filteredOn(
						(event) -> event.path("event").path("partyInteraction").path("id").asString().equals(call.id()))
				.singleElement()
				.satisfies((event) -> assertThat(
						event.path("event").path("partyInteraction").path("authenticationLevel").asString())
					.isEqualTo("authenticated"));

			authenticate(call, this.partner, "{}").expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:crm-backoffice:problem:already-authenticated");
		}
	}

	@Test
	void anotherPartnerCannotProveToBeTheInteractionsPartner() {
		PartyInteraction call = log("technical support", this.partnerId);

		authenticate(call, this.otherPartner, "{\"method\": \"partner-token\"}").expectStatus().isNotFound();
		authenticate(call, this.otherPartner, "{\"code\": \"123456\"}").expectStatus().isNotFound();

		assertThat(read(call, this.agent).authenticationLevel().value()).isEqualTo("anonymous");
	}

	@Test
	void anInteractionForASensitiveReasonProceedsOnceThePartnerProvedItself() {
		PartyInteraction dispute = log("billing dispute", this.partnerId);
		moveToInProgress(dispute).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:partner-not-authenticated");

		authenticate(dispute, this.partner, "{\"method\": \"partner-token\"}").expectStatus().isOk();

		moveToInProgress(dispute).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("inProgress");
	}

	@Test
	void aCallerWithTheAgentsCodeBecomesThePartnerOfAnInteractionThatNamedNoParty() {
		PartyInteraction chat = log("contract change", null);
		AuthenticationCode code = issueCode(chat);
		assertThat(code.code()).matches("[0-9]{6}");
		assertThat(code.maxAttempts()).isEqualTo(5);
		assertThat(code.issuedBy()).isEqualTo("agent-ann");
		assertThat(code.expiresAt()).isAfter(Instant.now().plusSeconds(9 * 60));
		this.client.get()
			.uri(chat.href())
			.headers((headers) -> headers.setBearerAuth(this.partner))
			.exchange()
			.expectStatus()
			.isNotFound();

		authenticate(chat, this.partner, "{\"code\": \"" + wrong(code.code()) + "\"}").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:authentication-code-wrong")
			.jsonPath("$.remainingAttempts")
			.isEqualTo(4);
		InteractionAuthentication done = authenticate(chat, this.partner, "{\"code\": \"" + code.code() + "\"}")
			.expectStatus()
			.isOk()
			.expectBody(InteractionAuthentication.class)
			.returnResult()
			.getResponseBody();

		assertThat(done).extracting("method", "partyId", "partyAdded")
			.containsExactly(AuthenticationMethod.ONE_TIME_CODE, this.partnerId, true);
		PartyInteraction claimed = read(chat, this.partner);
		assertThat(claimed.authenticationLevel().value()).isEqualTo("authenticated");
		assertThat(claimed.relatedParty()).extracting((party) -> party.role(), (party) -> party.partyId())
			.containsExactly(tuple("partner", this.partnerId));
		this.client.get()
			.uri(PartyInteractionApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(this.partner))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].id")
			.value((List<String> ids) -> assertThat(ids).contains(chat.id()));
		assertThat(history(chat)).extracting(InteractionHistoryEntry::action, InteractionHistoryEntry::changedBy)
			.containsSubsequence(tuple("authenticationCodeIssued", "agent-ann"),
					tuple("authenticationCodeRejected", "self-service-" + this.partnerId),
					tuple("authenticated", "self-service-" + this.partnerId));
		assertThat(history(chat)).last()
			.satisfies((entry) -> assertThat(entry.changes()).extracting(FieldChange::field, FieldChange::to)
				.contains(tuple("authenticationMethod", "one-time-code"),
						tuple("authenticationCodeIssuedBy", "agent-ann")));
		moveToInProgress(chat).expectStatus().isOk();
	}

	@Test
	void aCodeIsUsedOnce() {
		PartyInteraction chat = log("technical support", this.partnerId);
		AuthenticationCode code = issueCode(chat);
		authenticate(chat, this.partner, "{\"code\": \"" + code.code() + "\"}").expectStatus().isOk();

		authenticate(chat, this.partner, "{\"code\": \"" + code.code() + "\"}").expectStatus().isEqualTo(409);
		// Even once an agent doubted the authentication, the code stays spent.
		this.client.patch()
			.uri(chat.href())
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body("{\"authenticationLevel\": \"identified\"}")
			.exchange()
			.expectStatus()
			.isOk();
		authenticate(chat, this.partner, "{\"code\": \"" + code.code() + "\"}").expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:authentication-code-gone");
	}

	@Test
	void wrongCodesAreCountedUntilTheCodeIsVoid() {
		PartyInteraction call = log("technical support", this.partnerId);
		AuthenticationCode code = issueCode(call);

		for (int remaining = 4; remaining >= 0; remaining--) {
			authenticate(call, this.partner, "{\"code\": \"" + wrong(code.code()) + "\"}").expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.remainingAttempts")
				.isEqualTo(remaining);
		}

		authenticate(call, this.partner, "{\"code\": \"" + code.code() + "\"}").expectStatus().isEqualTo(410);
		assertThat(read(call, this.agent).authenticationLevel().value()).isEqualTo("anonymous");
		AuthenticationCode fresh = issueCode(call);
		authenticate(call, this.partner, "{\"code\": \"" + fresh.code() + "\"}").expectStatus().isOk();
	}

	@Test
	void anExpiredCodeIsRefused() {
		PartyInteraction call = log("technical support", this.partnerId);
		AuthenticationCode code = issueCode(call);
		// Ten minutes pass.
		this.jdbc.update("update authentication_code set issued_at = issued_at - interval '10 minutes', "
				+ "expires_at = expires_at - interval '10 minutes' where interaction_id = ?::uuid", call.id());

		authenticate(call, this.partner, "{\"code\": \"" + code.code() + "\"}").expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("expired"));
	}

	@Test
	void aCodeDoesNotHandAnInteractionAboutAnotherPartyToTheCaller() {
		PartyInteraction call = log("technical support", "ind-" + UUID.randomUUID());
		AuthenticationCode code = issueCode(call);

		authenticate(call, this.partner, "{\"code\": \"" + code.code() + "\"}").expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:authentication-party-mismatch");

		assertThat(read(call, this.agent).relatedParty()).extracting((party) -> party.partyId())
			.doesNotContain(this.partnerId);
	}

	@Test
	void anAgentRecordsTheKnowledgeQuestionsItAskedUnderItsOwnName() {
		PartyInteraction call = log("billing dispute", this.partnerId);

		InteractionAuthentication done = authenticate(call, this.agent, "{\"method\": \"knowledge-questions\"}")
			.expectStatus()
			.isOk()
			.expectBody(InteractionAuthentication.class)
			.returnResult()
			.getResponseBody();

		assertThat(done).extracting("method", "authenticatedBy", "partyId")
			.containsExactly(AuthenticationMethod.KNOWLEDGE_QUESTIONS, "agent-ann", null);
		assertThat(history(call)).last().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("authenticated");
			assertThat(entry.changedBy()).isEqualTo("agent-ann");
			assertThat(entry.changes()).extracting(FieldChange::field, FieldChange::to)
				.contains(tuple("authenticationLevel", "authenticated"),
						tuple("authenticationMethod", "knowledge-questions"));
		});
		moveToInProgress(call).expectStatus().isOk();
		issueCodeRequest(call).expectStatus().isEqualTo(409);
	}

	@Test
	void refusesRequestsThatDoNotSayHowThePartnerWasAuthenticated() {
		PartyInteraction call = log("technical support", this.partnerId);

		authenticate(call, this.agent, "{}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/method");
		authenticate(call, this.agent, "{\"method\": \"one-time-code\", \"code\": \"123456\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/code");
		authenticate(call, this.partner, "{\"method\": \"knowledge-questions\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/method");
		authenticate(call, this.partner, "{\"method\": \"partner-token\", \"code\": \"123456\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/code");
		authenticate(call, this.partner, "{\"method\": \"one-time-code\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/code");
		authenticate(call, this.partner, "{\"code\": \"12ab\"}").expectStatus().isBadRequest();
		authenticate(call, this.partner, "{\"method\": \"fingerprint\"}").expectStatus().isBadRequest();
		issueCodeRequest(call).expectStatus().isOk();
		this.client.post()
			.uri(codePathOf(call))
			.headers((headers) -> headers.setBearerAuth(this.partner))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(read(call, this.agent).authenticationLevel().value()).isEqualTo("anonymous");
	}

	private void listenFor(WebhookReceiver listener, String partyId) {
		this.client.post()
			.uri("/tmf-api/partyInteraction/v5/hub")
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(Roles.ADMIN)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(listener.url(),
					"eventType=PartyInteractionAttributeValueChangeEvent"
							+ "&event.partyInteraction.relatedParty.partyOrPartyRole.id=" + partyId))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/** Logged by an agent, as the caller said nothing to prove who it is: anonymous. */
	private PartyInteraction log(String reason, String partyId) {
		List<RelatedPartyOrPartyRole> parties = (partyId != null) ? List
			.of(new RelatedPartyOrPartyRole("customer", new PartyRefOrPartyRoleRef(partyId, null, null, "Individual")))
				: List.of();
		return this.client.post()
			.uri(PartyInteractionApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.contentType(MediaType.APPLICATION_JSON)
			.body(PartyInteractionCreate.of("Caller asks about an account", "inbound", reason,
					List.of(new RelatedChannel("contact", ChannelRef.named("phone"))), parties))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec authenticate(PartyInteraction interaction, String token, String body) {
		return this.client.post()
			.uri("/interaction/v1/partyInteraction/" + interaction.id() + "/authentication")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private AuthenticationCode issueCode(PartyInteraction interaction) {
		return issueCodeRequest(interaction).expectStatus()
			.isOk()
			.expectBody(AuthenticationCode.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec issueCodeRequest(PartyInteraction interaction) {
		return this.client.post()
			.uri(codePathOf(interaction))
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.exchange();
	}

	private static String codePathOf(PartyInteraction interaction) {
		return "/interaction/v1/partyInteraction/" + interaction.id() + "/authenticationCode";
	}

	private RestTestClient.ResponseSpec moveToInProgress(PartyInteraction interaction) {
		return this.client.patch()
			.uri(interaction.href())
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body(Map.of("status", "inProgress"))
			.exchange();
	}

	private PartyInteraction read(PartyInteraction interaction, String token) {
		return this.client.get()
			.uri(interaction.href())
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private List<InteractionHistoryEntry> history(PartyInteraction interaction) {
		return this.client.get()
			.uri(interaction.href() + "/history")
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<InteractionHistoryEntry>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/** Another code of the same length: the right one with its last digit changed. */
	private static String wrong(String code) {
		char last = code.charAt(code.length() - 1);
		return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
	}

}
