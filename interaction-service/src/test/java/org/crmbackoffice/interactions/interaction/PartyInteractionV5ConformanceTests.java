package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.UUID;

import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.JsonClient;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client written to the TMF683 v5.0.0 specification sends and reads, as raw JSON:
 * the bodies here use only the specification's attribute names and shapes, and the
 * answers are read the same way.
 */
@ApiIntegrationTest
class PartyInteractionV5ConformanceTests {

	private static final String BASE = PartyInteractionMapper.BASE_PATH;

	RestTestClient client;

	JsonClient api;

	@Autowired
	void authenticateAsSupervisor(RestTestClient client, JsonMapper json) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.SUPERVISOR)))
			.build();
		this.api = new JsonClient(this.client, json);
	}

	@Test
	void logsAStoreVisitWithItemsByReferenceAndByValueAndKeepsEveryTypeAsSent() {
		JsonNode logged = this.api.post(BASE,
				"""
						{"@type": "PartyInteraction", "direction": "inbounds", "reason": "buys a TV bundle",
						 "description": "Customer came to the Leeds store",
						 "interactionDate": {"startDateTime": "2026-11-30T10:00:00Z", "endDateTime": "2026-11-30T10:40:00Z"},
						 "relatedChannel": [{"@type": "RelatedChannel", "role": "interaction creation",
						                     "channel": {"@type": "ChannelRef", "id": "ST-LEEDS-1", "name": "Leeds store"}}],
						 "relatedParty": [{"@type": "RelatedPartyOrPartyRole", "role": "agent",
						                   "partyOrPartyRole": {"@type": "PartyRef", "id": "emp-12", "name": "Sam Clerk",
						                                        "@referredType": "Individual"}}],
						 "interactionItem": [
						   {"@type": "InteractionItem", "id": "it-1", "reason": "signed up", "resolution": "order placed",
						    "itemDate": {"startDateTime": "2026-11-30T10:05:00Z", "endDateTime": "2026-11-30T10:20:00Z"},
						    "lastUpdateDate": "2026-11-30T10:20:00Z",
						    "item": {"@type": "RelatedEntityRefOrValue", "role": "order",
						             "entity": {"@type": "EntityRef", "id": "PO-77", "@referredType": "ProductOrder"}}},
						   {"@type": "InteractionItem", "reason": "bought a decoder",
						    "item": {"@type": "RelatedEntityRefOrValue", "role": "order",
						             "entity": {"@type": "ProductOrder", "id": "PO-78",
						                        "productOrderItem": [{"id": "1", "action": "add"}]}}}],
						 "attachment": [{"@type": "AttachmentRef", "id": "att-5", "href": "https://docs.example.org/att-5",
						                 "name": "receipt", "attachmentType": "receipt", "mimeType": "application/pdf",
						                 "size": {"amount": 120.5, "units": "KB"}, "URL": "https://docs.example.org/att-5.pdf"}],
						 "note": [{"@type": "Note ", "text": "Asked about installation"}],
						 "interactionRelationship": [{"@type": "InteractionRelationship", "id": "LEGACY-1034",
						                              "relationshipType": "parentInteraction"}],
						 "externalIdentifier": [{"@type": "ExternalIdentifier", "id": "POS-9", "owner": "till"}]}""");

		JsonNode read = this.api.get(logged.path("href").asString());
		assertThat(read.path("@type").asString()).isEqualTo("PartyInteraction");
		assertThat(read.path("@schemaLocation").asString()).isEqualTo(PartyInteractionMapper.SCHEMA_LOCATION);
		assertThat(read.path("direction").asString()).isEqualTo("inbounds");
		assertThat(read.path("status").asString()).isEqualTo("opened");
		JsonNode channel = read.path("relatedChannel").get(0);
		assertThat(channel.path("@type").asString()).isEqualTo("RelatedChannel");
		assertThat(channel.path("channel").path("id").asString()).isEqualTo("ST-LEEDS-1");
		assertThat(channel.path("channel").path("name").asString()).isEqualTo("Leeds store");
		assertThat(channel.path("channel").path("@type").asString()).isEqualTo("ChannelRef");
		JsonNode party = read.path("relatedParty").get(0);
		assertThat(party.path("@type").asString()).isEqualTo("RelatedPartyOrPartyRole");
		assertThat(party.path("partyOrPartyRole").path("@type").asString()).isEqualTo("PartyRef");
		JsonNode byReference = read.path("interactionItem").get(0);
		assertThat(byReference.path("id").asString()).isEqualTo("it-1");
		assertThat(byReference.path("itemDate").path("endDateTime").asString()).isEqualTo("2026-11-30T10:20:00Z");
		assertThat(byReference.path("lastUpdate").asString()).isEqualTo("2026-11-30T10:20:00Z");
		assertThat(byReference.path("resolution").asString()).isEqualTo("order placed");
		assertThat(byReference.path("item").path("entity").path("@referredType").asString()).isEqualTo("ProductOrder");
		JsonNode byValue = read.path("interactionItem").get(1);
		assertThat(byValue.path("@type").asString()).isEqualTo("InteractionItem");
		assertThat(byValue.path("id").asString()).isNotBlank();
		assertThat(byValue.path("item").path("entity").path("productOrderItem").get(0).path("action").asString())
			.isEqualTo("add");
		JsonNode attachment = read.path("attachment").get(0);
		assertThat(attachment.path("@type").asString()).isEqualTo("AttachmentRef");
		assertThat(attachment.path("url").asString()).isEqualTo("https://docs.example.org/att-5.pdf");
		assertThat(attachment.path("size").path("amount").asDouble()).isEqualTo(120.5);
		assertThat(attachment.path("size").path("units").asString()).isEqualTo("KB");
		assertThat(read.path("note").get(0).path("@type").asString()).isEqualTo("Note ");
		JsonNode relationship = read.path("interactionRelationship").get(0);
		assertThat(relationship.path("relationshipType").asString()).isEqualTo("parentInteraction");
		assertThat(relationship.path("@type").asString()).isEqualTo("InteractionRelationship");
		assertThat(read.path("externalIdentifier").get(0).path("@type").asString()).isEqualTo("ExternalIdentifier");
	}

	@Test
	void logsAnUnidentifiedCallerOnAChannelGivenByIdAndFillsInTheCataloguedNameAndEveryDefaultType() {
		JsonNode logged = this.api.post(BASE, """
				{"@type": "PartyInteraction", "reason": "asks for opening hours", "direction": "inbound",
				 "relatedChannel": [{"@type": "RelatedChannel", "role": "contact",
				                     "channel": {"@type": "ChannelRef", "id": "phone"}}]}""");

		assertThat(logged.path("relatedParty").isEmpty()).isTrue();
		assertThat(logged.path("relatedChannel").get(0).path("channel").path("name").asString()).isEqualTo("phone");
		String channelHref = logged.path("relatedChannel").get(0).path("channel").path("href").asString();
		assertThat(this.api.get(channelHref).path("name").asString()).isEqualTo("phone");

		JsonNode named = this.api.post(BASE, """
				{"reason": "complaint", "direction": "inbound",
				 "relatedChannel": [{"role": "contact", "channel": {"name": "email"}}],
				 "note": [{"text": "no types anywhere"}]}""");
		assertThat(named.path("@type").asString()).isEqualTo("PartyInteraction");
		JsonNode channel = named.path("relatedChannel").get(0);
		assertThat(channel.path("@type").asString()).isEqualTo("RelatedChannel");
		assertThat(channel.path("channel").path("id").asString()).isEqualTo("email");
		assertThat(channel.path("channel").path("@type").asString()).isEqualTo("ChannelRef");
		assertThat(named.path("note").get(0).path("@type").asString()).isEqualTo("Note");
	}

	@Test
	void patchesWithAMergePatchOrPlainJsonAlike() {
		String href = this.api.post(BASE, minimal("billing")).path("href").asString();

		for (MediaType type : List.of(MediaType.parseMediaType("application/merge-patch+json"),
				MediaType.APPLICATION_JSON)) {
			this.client.patch()
				.uri(href)
				.contentType(type)
				.body("{\"@type\": \"PartyInteraction\", \"description\": \"sent as " + type + "\"}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.description")
				.isEqualTo("sent as " + type);
		}
		this.client.patch()
			.uri(href)
			.contentType(MediaType.parseMediaType("application/json-patch+json"))
			.body("[{\"op\": \"replace\", \"path\": \"/description\", \"value\": \"x\"}]")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("unsupported-media-type");
	}

	@Test
	void filtersByIdHrefAndNestedAttributePaths() {
		String reason = "reason-" + UUID.randomUUID();
		JsonNode first = this.api.post(BASE, minimal(reason));
		JsonNode second = this.api.post(BASE,
				"""
						{"@type": "PartyInteraction", "reason": "%s", "direction": "outbound",
						 "interactionDate": {"startDateTime": "2026-06-01T00:00:00Z"},
						 "relatedChannel": [{"@type": "RelatedChannel", "role": "contact",
						                     "channel": {"@type": "ChannelRef", "id": "sms"}}],
						 "relatedParty": [{"@type": "RelatedPartyOrPartyRole", "role": "prospect",
						                   "partyOrPartyRole": {"@type": "PartyRef", "id": "p-%s", "@referredType": "Individual"}}]}"""
					.formatted(reason, reason));
		String one = first.path("id").asString();
		String two = second.path("id").asString();

		assertThat(ids("id=" + one)).containsExactly(one);
		assertThat(ids("id=" + one + "," + two)).containsExactlyInAnyOrder(one, two);
		assertThat(ids("id=not-one-of-ours")).isEmpty();
		assertThat(ids("href=" + second.path("href").asString())).containsExactly(two);
		assertThat(ids("reason=" + reason + "&relatedChannel.channel.name=sms")).containsExactly(two);
		assertThat(ids("reason=" + reason + "&relatedChannel.channel.id=phone")).containsExactly(one);
		assertThat(ids("reason=" + reason + "&relatedParty.role=prospect")).containsExactly(two);
		assertThat(ids("relatedParty.partyOrPartyRole.id=p-" + reason)).containsExactly(two);
		assertThat(ids("reason=" + reason + "&interactionDate.startDateTime.lte=2026-06-01T00:00:00Z"))
			.containsExactly(two);
		assertThat(ids("reason=" + reason + "&interactionDate.startDateTime.lt=2026-06-01T00:00:00Z")).isEmpty();
		assertThat(ids("reason=" + reason + "&fields=reason")).hasSize(2);
	}

	private static String minimal(String reason) {
		return """
				{"@type": "PartyInteraction", "reason": "%s", "direction": "inbound",
				 "relatedChannel": [{"@type": "RelatedChannel", "role": "contact",
				                     "channel": {"@type": "ChannelRef", "id": "phone"}}]}""".formatted(reason);
	}

	private List<String> ids(String query) {
		return this.api.ids(BASE + "?" + query);
	}

}
