package org.crmbackoffice.interactions.interaction;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.interaction.AttachmentRefOrValue;
import org.crmbackoffice.model.interaction.RelatedEntityRefOrValue;
import org.crmbackoffice.model.common.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import org.crmbackoffice.model.interaction.ExternalIdentifier;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.InteractionItem;
import org.crmbackoffice.model.interaction.InteractionRelationship;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interaction log as an enterprise representative uses it: logging on any channel,
 * working an interaction through its lifecycle, and reading its track record. None of
 * these interactions names a customer, so the inventory is not involved.
 */
@ApiIntegrationTest
class InteractionLifecycleApiTests {

	private static final String BASE = PartyInteractionMapper.BASE_PATH;

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private static final TestIssuer issuer = TestIssuer.shared();

	/** Supervisors may do everything to an interaction, cancelling included. */
	RestTestClient client;

	@Autowired
	void authenticateAsSupervisor(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers
				.setBearerAuth(issuer.token().subject("supervisor-sam").roles(Roles.SUPERVISOR).build()))
			.build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "phone", "email", "webSelfService", "chat", "sms", "store", "device" })
	void logsAnInteractionOnEachChannel(String channel) {
		PartyInteraction logged = log(
				interactionOn(List.of(new RelatedChannel("contact", ChannelRef.named(channel))), "general enquiry"));

		assertThat(logged.relatedChannel()).extracting((related) -> related.channel().name()).containsExactly(channel);
		assertThat(logged.status()).isEqualTo(InteractionStatus.OPENED);
	}

	@Test
	void logsAMultiChannelInteractionWithWhenEachChannelWasUsed() {
		TimePeriod call = new TimePeriod(OffsetDateTime.parse("2026-11-20T09:00:00Z"),
				OffsetDateTime.parse("2026-11-20T09:12:00Z"));
		TimePeriod web = new TimePeriod(OffsetDateTime.parse("2026-11-20T18:30:00Z"), null);
		PartyInteraction logged = log(
				interactionOn(List.of(new RelatedChannel("initiation", ChannelRef.named("phone"), call),
						new RelatedChannel("followUp", ChannelRef.named("webSelfService"), web),
						new RelatedChannel("confirmation", ChannelRef.named("email"))), "order request"));

		PartyInteraction read = read(logged.href());
		assertThat(read.relatedChannel()).extracting((related) -> related.role() + ":" + related.channel().name())
			.containsExactly("initiation:phone", "followUp:webSelfService", "confirmation:email");
		assertThat(read.relatedChannel().get(0).validFor()).isEqualTo(call);
		assertThat(read.relatedChannel().get(1).validFor().startDateTime()).isEqualTo(web.startDateTime());
	}

	static Stream<Arguments> everyMove() {
		List<Arguments> moves = new ArrayList<>();
		Map<InteractionStatus, List<InteractionStatus>> allowed = Map.of(InteractionStatus.OPENED,
				List.of(InteractionStatus.IN_PROGRESS, InteractionStatus.WAITING_FOR_PARTNER,
						InteractionStatus.WAITING_FOR_BACK_OFFICE, InteractionStatus.COMPLETED,
						InteractionStatus.CANCELLED),
				InteractionStatus.IN_PROGRESS,
				List.of(InteractionStatus.WAITING_FOR_PARTNER, InteractionStatus.WAITING_FOR_BACK_OFFICE,
						InteractionStatus.COMPLETED, InteractionStatus.CANCELLED),
				InteractionStatus.WAITING_FOR_PARTNER,
				List.of(InteractionStatus.IN_PROGRESS, InteractionStatus.WAITING_FOR_BACK_OFFICE,
						InteractionStatus.COMPLETED, InteractionStatus.CANCELLED),
				InteractionStatus.WAITING_FOR_BACK_OFFICE,
				List.of(InteractionStatus.IN_PROGRESS, InteractionStatus.WAITING_FOR_PARTNER,
						InteractionStatus.COMPLETED, InteractionStatus.CANCELLED),
				InteractionStatus.COMPLETED, List.of(), InteractionStatus.CANCELLED, List.of());
		for (InteractionStatus from : InteractionStatus.values()) {
			for (InteractionStatus to : InteractionStatus.values()) {
				if (from != to) {
					moves.add(Arguments.of(from, to, allowed.get(from).contains(to)));
				}
			}
		}
		return moves.stream();
	}

	@ParameterizedTest(name = "{0} -> {1} allowed: {2}")
	@MethodSource("everyMove")
	void movesOnlyAlongTheLifecycle(InteractionStatus from, InteractionStatus to, boolean allowed) {
		PartyInteraction interaction = log(interactionOn(phone(), "complaint"));
		if (from != InteractionStatus.OPENED) {
			patch(interaction.href(), "{\"status\": \"" + from.value() + "\"}").expectStatus().isOk();
		}

		RestTestClient.ResponseSpec response = patch(interaction.href(), "{\"status\": \"" + to.value() + "\"}");

		if (allowed) {
			response.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(to.value());
		}
		else {
			response.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:crm-backoffice:problem:conflict")
				.jsonPath("$.allowedTransitions")
				.isArray();
			assertThat(read(interaction.href()).status()).isEqualTo(from);
		}
	}

	@Test
	void keepsAFullTrackRecordOfEveryChange() {
		PartyInteraction logged = log(interactionOn(phone(), "order request"));
		// Logged now: the due date and the end follow from its start, whatever day the
		// test runs on.
		OffsetDateTime started = logged.interactionDate().startDateTime();
		patch(logged.href(),
				"{\"description\": \"Wants fibre at the new address\", \"dueDate\": \"" + started.plusDays(7) + "\"}",
				"webSelfService")
			.expectStatus()
			.isOk();
		this.client.post()
			.uri(logged.href() + "/note")
			.header("X-Channel", "phone")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"text\": \"Called back, survey booked\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		patch(logged.href(), "{\"status\": \"waitingForBackOffice\"}", null).expectStatus().isOk();
		patch(logged.href(), "{\"status\": \"completed\", \"interactionDate\": {\"startDateTime\": \"" + started
				+ "\", \"endDateTime\": \"" + started.plusHours(2) + "\"}}", null)
			.expectStatus()
			.isOk();

		List<InteractionHistoryEntry> history = historyOf(logged.href());

		assertThat(history).extracting(InteractionHistoryEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(history).extracting(InteractionHistoryEntry::action)
			.containsExactly("created", "updated", "noteAdded", "statusChanged", "updated");
		assertThat(history).allSatisfy((entry) -> assertThat(entry.changedBy()).isEqualTo("supervisor-sam"));
		assertThat(history.get(1).channel()).isEqualTo("webSelfService");
		assertThat(history.get(1).changes()).extracting(InteractionHistoryEntry.FieldChange::field)
			.containsExactlyInAnyOrder("description", "dueDate");
		assertThat(history.get(1).changes()).filteredOn((change) -> change.field().equals("description"))
			.singleElement()
			.satisfies((change) -> {
				assertThat(change.from()).isEqualTo("Customer asks about order request");
				assertThat(change.to()).isEqualTo("Wants fibre at the new address");
			});
		assertThat(history.get(2).channel()).isEqualTo("phone");
		assertThat(history.get(3).changes()).singleElement().satisfies((change) -> {
			assertThat(change.field()).isEqualTo("status");
			assertThat(change.from()).isEqualTo("opened");
			assertThat(change.to()).isEqualTo("waitingForBackOffice");
		});
		assertThat(history.get(4).changes()).extracting(InteractionHistoryEntry.FieldChange::field)
			.containsExactlyInAnyOrder("status", "interactionDate");
	}

	@Test
	void sensitiveReasonProceedsOnlyOnceThePartnerIsAuthenticated() {
		PartyInteraction dispute = log(interactionOn(phone(), "Billing Dispute"));
		assertThat(dispute.authenticationLevel().value()).isEqualTo("anonymous");

		patch(dispute.href(), "{\"status\": \"inProgress\"}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:partner-not-authenticated");
		patch(dispute.href(), "{\"status\": \"cancelled\"}").expectStatus().isOk();

		PartyInteraction verified = log(interactionOn(phone(), "billing dispute"));
		patch(verified.href(), "{\"authenticationLevel\": \"authenticated\", \"status\": \"inProgress\"}")
			.expectStatus()
			.isOk();

		String partner = issuer.token().roles(Roles.PARTNER).partyId("partner-77").build();
		PartyInteraction selfService = this.client.post()
			.uri(BASE)
			.headers((headers) -> headers.setBearerAuth(partner))
			.contentType(MediaType.APPLICATION_JSON)
			.body(interactionOn(phone(), "billing dispute"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
		assertThat(selfService.authenticationLevel().value()).isEqualTo("authenticated");
		patch(selfService.href(), "{\"status\": \"inProgress\"}").expectStatus().isOk();
	}

	@Test
	void aRetriedCreateWithTheSameIdempotencyKeyLogsOnce() {
		String key = "channel-adapter-" + UUID.randomUUID();
		PartyInteractionCreate request = interactionOn(phone(), "retry check");

		PartyInteraction first = createWithKey(key, request).expectHeader()
			.valueEquals("Idempotent-Replayed", "false")
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
		PartyInteraction second = createWithKey(key, request).expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();

		assertThat(second.id()).isEqualTo(first.id());
		this.client.get()
			.uri(BASE + "?reason=retry check&limit=1000")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == '" + first.id() + "')]")
			.value((List<?> matches) -> assertThat(matches).hasSize(1));
		this.client.post()
			.uri(BASE)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(interactionOn(phone(), "a different request"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:idempotency-key-reused");
	}

	@Test
	void refusesAChangeBasedOnAStaleETag() {
		PartyInteraction logged = log(interactionOn(phone(), "complaint"));
		String etag = this.client.get()
			.uri(logged.href())
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();

		this.client.patch()
			.uri(logged.href())
			.header("If-Match", etag)
			.contentType(MERGE_PATCH)
			.body("{\"status\": \"inProgress\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("ETag", (newTag) -> assertThat(newTag).isNotEqualTo(etag));
		this.client.patch()
			.uri(logged.href())
			.header("If-Match", etag)
			.contentType(MERGE_PATCH)
			.body("{\"status\": \"completed\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:precondition-failed");
		assertThat(read(logged.href()).status()).isEqualTo(InteractionStatus.IN_PROGRESS);
	}

	@Test
	void refusesPatchesThatAreNotValidMergePatchesOfAnInteraction() {
		PartyInteraction logged = log(interactionOn(phone(), "complaint"));

		patch(logged.href(), "[]").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:malformed-request");
		patch(logged.href(), "{\"status\": \"sideways\"}").expectStatus().isBadRequest();
		patch(logged.href(), "{\"relatedChannel\": [{\"channel\": {}}]}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/relatedChannel/0/channel/id");
		patch(logged.href(), "{\"description\": \"ok\"}", "x".repeat(101)).expectStatus().isBadRequest();
		this.client.patch()
			.uri(logged.href())
			.contentType(MediaType.TEXT_PLAIN)
			.body("description=not JSON")
			.exchange()
			.expectStatus()
			.isEqualTo(415);

		PartyInteraction unchanged = read(logged.href());
		assertThat(unchanged.description()).isEqualTo(logged.description());
		patch(logged.href(), "{\"interactionDate\": null}").expectStatus().isOk();
		assertThat(read(logged.href()).interactionDate().startDateTime())
			.isEqualTo(logged.interactionDate().startDateTime());
	}

	@Test
	void notesCanBeAddedButNeverChangedOrRemoved() {
		PartyInteraction logged = log(interactionOn(phone(), "complaint"));
		this.client.post()
			.uri(logged.href() + "/note")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"text\": \"First note\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.note[0].author")
			.isEqualTo("supervisor-sam");

		patch(logged.href(), "{\"note\": []}").expectStatus().isEqualTo(409);
		patch(logged.href(), "{\"note\": [{\"text\": \"Rewritten\"}]}").expectStatus().isEqualTo(409);
		assertThat(read(logged.href()).note()).extracting((note) -> note.text()).containsExactly("First note");
	}

	@Test
	void deleteTakesAnInteractionOffTheApiWhileAuditorsKeepItsTrackRecord() {
		PartyInteraction logged = log(interactionOn(phone(), "complaint"));
		this.client.delete()
			.uri(logged.href())
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(Roles.AGENT)))
			.exchange()
			.expectStatus()
			.isForbidden();
		patch(logged.href(), "{\"status\": \"cancelled\"}", null, issuer.tokenFor(Roles.AGENT)).expectStatus()
			.isForbidden();

		this.client.delete().uri(logged.href()).exchange().expectStatus().isNoContent();

		this.client.get().uri(logged.href()).exchange().expectStatus().isNotFound();
		this.client.delete().uri(logged.href()).exchange().expectStatus().isNotFound();
		patch(logged.href(), "{\"description\": \"too late\"}").expectStatus().isNotFound();
		assertThat(ids("id=" + logged.id())).isEmpty();
		this.client.get().uri(logged.href() + "/history").exchange().expectStatus().isNotFound();
		assertThat(this.client.get()
			.uri(logged.href() + "/history")
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(Roles.AUDITOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<InteractionHistoryEntry>>() {
			})
			.returnResult()
			.getResponseBody()).extracting(InteractionHistoryEntry::action).containsExactly("created", "deleted");
	}

	@Test
	void cancellingIsAStatusChangeOnlyASupervisorMayMake() {
		PartyInteraction logged = log(interactionOn(phone(), "complaint"));
		patch(logged.href(), "{\"status\": \"cancelled\"}", null, issuer.tokenFor(Roles.AGENT)).expectStatus()
			.isForbidden();

		patch(logged.href(), "{\"status\": \"cancelled\"}").expectStatus().isOk();

		assertThat(read(logged.href()).status()).isEqualTo(InteractionStatus.CANCELLED);
		assertThat(historyOf(logged.href())).extracting(InteractionHistoryEntry::action)
			.containsExactly("created", "cancelled");
	}

	@Test
	void listsByFilterInTheAskedOrderWithTheAskedFields() {
		String party = "party-" + UUID.randomUUID();
		PartyInteraction older = log(new PartyInteractionCreate(null, null, null, "older", "outbound", "bill", null,
				new TimePeriod(OffsetDateTime.parse("2026-10-01T08:00:00Z"), null), null, null, phone(),
				List.of(new RelatedPartyOrPartyRole("customer",
						new PartyRefOrPartyRoleRef(party, null, null, "Individual"))),
				List.of(InteractionItem.about("BILL-1", "CustomerBill")), null, null, null, null));
		PartyInteraction newer = log(
				new PartyInteractionCreate(null, null, null, "newer", "inbound", "complaint", null,
						new TimePeriod(OffsetDateTime.parse("2026-11-01T08:00:00Z"), null), null, null,
						List.of(new RelatedChannel("contact", ChannelRef.named("email"))),
						List.of(new RelatedPartyOrPartyRole("customer",
								new PartyRefOrPartyRoleRef(party, null, null, "Individual"))),
						null, null, null, null, null));
		patch(newer.href(), "{\"status\": \"inProgress\"}").expectStatus().isOk();

		assertThat(ids("relatedParty.partyOrPartyRole.id=" + party)).containsExactly(newer.id(), older.id());
		assertThat(ids("relatedParty.partyOrPartyRole.id=" + party + "&sort=interactionDate.startDateTime"))
			.containsExactly(older.id(), newer.id());
		assertThat(ids("relatedParty.partyOrPartyRole.id=" + party + "&status=inProgress")).containsExactly(newer.id());
		assertThat(ids("relatedParty.partyOrPartyRole.id=" + party + "&relatedChannel.channel.name=phone"))
			.containsExactly(older.id());
		assertThat(ids("relatedParty.partyOrPartyRole.id=" + party + "&direction=outbound"))
			.containsExactly(older.id());
		assertThat(ids("interactionItem.item.entity.id=BILL-1&relatedParty.partyOrPartyRole.id=" + party))
			.containsExactly(older.id());
		assertThat(ids(
				"relatedParty.partyOrPartyRole.id=" + party + "&interactionDate.startDateTime.gt=2026-10-15T00:00:00Z"))
			.containsExactly(newer.id());

		this.client.get()
			.uri(BASE + "?relatedParty.partyOrPartyRole.id=" + party + "&fields=status")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "2")
			.expectBody()
			.jsonPath("$[0].status")
			.isEqualTo("inProgress")
			.jsonPath("$[0].id")
			.isEqualTo(newer.id())
			.jsonPath("$[0].description")
			.doesNotExist();
		this.client.get()
			.uri(BASE + "?colour=blue")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("colour");
	}

	@Test
	void countsAPartyNamedInTwoRolesOnceInItsTimeline() {
		String party = "party-" + UUID.randomUUID();
		PartyRefOrPartyRoleRef ref = new PartyRefOrPartyRoleRef(party, null, null, "Individual");
		PartyInteraction single = log(PartyInteractionCreate.of("as customer", "inbound", "bill", phone(),
				List.of(new RelatedPartyOrPartyRole("customer", ref))));
		PartyInteraction both = log(PartyInteractionCreate.of("as customer and payer", "inbound", "bill", phone(),
				List.of(new RelatedPartyOrPartyRole("customer", ref), new RelatedPartyOrPartyRole("payer", ref))));

		this.client.get()
			.uri(BASE + "?relatedParty.partyOrPartyRole.id=" + party)
			.exchange()
			.expectHeader()
			.valueEquals("X-Total-Count", "2")
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(both.id(), single.id()));
	}

	@Test
	void keepsAttachmentsExternalIdentifiersItemsAndTheDueDate() {
		PartyInteractionCreate request = new PartyInteractionCreate(null, null, null, "Damaged router", "inbound",
				"complaint", null, null, OffsetDateTime.parse("2026-12-24T17:00:00Z"), null, phone(), List.of(party()),
				List.of(new InteractionItem(null, null,
						new TimePeriod(OffsetDateTime.parse("2026-11-21T10:00:00Z"), null), "router stopped working",
						null, null, null,
						new RelatedEntityRefOrValue("subject",
								Map.of("id", "TT-981", "name", "No internet", "@referredType", "TroubleTicket"), null),
						null, null, null, null, null, null)),
				null, null,
				List.of(new AttachmentRefOrValue(null, null, null, null, "router.jpg", "Photo of the damaged router",
						"https://files.example.org/r.jpg", new Quantity(new BigDecimal("48213"), "bytes"), null,
						"photo", "image/jpeg")),
				List.of(new ExternalIdentifier("CALL-55-1023", "telephony", "callId")));

		PartyInteraction read = read(log(request).href());

		assertThat(read.dueDate()).isEqualTo(OffsetDateTime.parse("2026-12-24T17:00:00Z"));
		assertThat(read.interactionItem()).singleElement().satisfies((item) -> {
			assertThat(item.id()).isNotBlank();
			assertThat(item.type()).isEqualTo("InteractionItem");
			assertThat(item.itemDate().startDateTime()).isEqualTo(OffsetDateTime.parse("2026-11-21T10:00:00Z"));
			assertThat(item.item().type()).isEqualTo("RelatedEntityRefOrValue");
			assertThat(item.item().entityType()).isEqualTo("TroubleTicket");
		});
		assertThat(read.attachment()).singleElement().satisfies((attachment) -> {
			assertThat(attachment.id()).isNotBlank();
			assertThat(attachment.type()).isEqualTo("Attachment");
			assertThat(attachment.size()).isEqualTo(new Quantity(new BigDecimal("48213"), "bytes"));
		});
		assertThat(read.externalIdentifier())
			.containsExactly(new ExternalIdentifier("CALL-55-1023", "telephony", "callId", "ExternalIdentifier"));
	}

	@Test
	void relatesAFollowUpToAnEarlierInteractionButNotToAnUnknownOne() {
		PartyInteraction first = log(interactionOn(phone(), "complaint"));

		PartyInteraction followUp = log(withRelationship(first.id()));
		assertThat(followUp.interactionRelationship()).singleElement().satisfies((relationship) -> {
			assertThat(relationship.relationshipType()).isEqualTo("followUpOf");
			assertThat(relationship.href()).isEqualTo(first.href());
		});
		this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(withRelationship(UUID.randomUUID().toString()))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/interactionRelationship/0/id");
	}

	private PartyInteractionCreate withRelationship(String relatedId) {
		return new PartyInteractionCreate(null, null, null, "Follow-up call", "outbound", "complaint", null, null, null,
				null, phone(), List.of(party()), null, List.of(new InteractionRelationship("followUpOf", relatedId)),
				null, null, null);
	}

	private List<String> ids(String query) {
		List<PartyInteraction> found = this.client.get()
			.uri(BASE + "?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<PartyInteraction>>() {
			})
			.returnResult()
			.getResponseBody();
		return found.stream().map(PartyInteraction::id).toList();
	}

	private RestTestClient.ResponseSpec createWithKey(String key, PartyInteractionCreate request) {
		return this.client.post()
			.uri(BASE)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private PartyInteraction log(PartyInteractionCreate request) {
		return this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private PartyInteraction read(String href) {
		return this.client.get()
			.uri(href)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private List<InteractionHistoryEntry> historyOf(String href) {
		return this.client.get()
			.uri(href + "/history")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<InteractionHistoryEntry>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec patch(String href, String mergePatch) {
		return patch(href, mergePatch, null);
	}

	private RestTestClient.ResponseSpec patch(String href, String mergePatch, String channel) {
		RestTestClient.RequestBodySpec request = this.client.patch().uri(href).contentType(MERGE_PATCH);
		if (channel != null) {
			request.header("X-Channel", channel);
		}
		return request.body(mergePatch).exchange();
	}

	private RestTestClient.ResponseSpec patch(String href, String mergePatch, String channel, String token) {
		return this.client.patch()
			.uri(href)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MERGE_PATCH)
			.body(mergePatch)
			.exchange();
	}

	private static PartyInteractionCreate interactionOn(List<RelatedChannel> channels, String reason) {
		return PartyInteractionCreate.of("Customer asks about " + reason, "inbound", reason, channels,
				List.of(party()));
	}

	private static RelatedPartyOrPartyRole party() {
		return new RelatedPartyOrPartyRole("partner",
				new PartyRefOrPartyRoleRef("partner-77", null, null, "Organization"));
	}

	private static List<RelatedChannel> phone() {
		return List.of(new RelatedChannel("contact", ChannelRef.named("phone")));
	}

}
