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
 * A TMF683 v4 client and a v5 client working on the same interactions, each in its own
 * shape.
 */
@ApiIntegrationTest
class PartyInteractionV4Tests {

	private static final String V4 = PartyInteractionV4Mapper.BASE_PATH;

	private static final String V5 = PartyInteractionMapper.BASE_PATH;

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
	void anInteractionLoggedInV4ReadsTheSameInV5AndTheOtherWayRound() {
		String party = "ind-" + UUID.randomUUID();
		JsonNode fromV4 = this.api.post(V4, """
				{"direction": "inbounds", "reason": "wants TV and internet",
				 "channel": [{"id": "555", "name": "Madrid store", "role": "creation"}],
				 "relatedParty": [{"id": "%s", "name": "Ana", "role": "user", "@referredType": "Individual"}],
				 "interactionItem": [{"reason": "signed up", "item": {"id": "PO-1", "role": "order",
				                                                      "@referredType": "ProductOrder"}}]}"""
			.formatted(party));
		assertThat(fromV4.path("href").asString()).isEqualTo(V4 + "/" + fromV4.path("id").asString());
		assertThat(fromV4.path("channel").get(0).path("id").asString()).isEqualTo("555");

		JsonNode asV5 = this.api.get(V5 + "/" + fromV4.path("id").asString());
		JsonNode channel = asV5.path("relatedChannel").get(0);
		assertThat(channel.path("role").asString()).isEqualTo("creation");
		assertThat(channel.path("channel").path("id").asString()).isEqualTo("555");
		assertThat(channel.path("channel").path("name").asString()).isEqualTo("Madrid store");
		JsonNode partyV5 = asV5.path("relatedParty").get(0);
		assertThat(partyV5.path("role").asString()).isEqualTo("user");
		assertThat(partyV5.path("partyOrPartyRole").path("id").asString()).isEqualTo(party);
		assertThat(partyV5.path("partyOrPartyRole").path("@referredType").asString()).isEqualTo("Individual");
		JsonNode entity = asV5.path("interactionItem").get(0).path("item").path("entity");
		assertThat(entity.path("id").asString()).isEqualTo("PO-1");
		assertThat(entity.path("@type").asString()).isEqualTo("EntityRef");

		JsonNode fromV5 = this.api.post(V5,
				"""
						{"@type": "PartyInteraction", "direction": "outbound", "reason": "courtesy call",
						 "relatedChannel": [{"@type": "RelatedChannel", "role": "contact",
						                     "channel": {"@type": "ChannelRef", "id": "phone"}}],
						 "relatedParty": [{"@type": "RelatedPartyOrPartyRole", "role": "customer",
						                   "partyOrPartyRole": {"@type": "PartyRef", "id": "%s", "@referredType": "Individual"}}]}"""
					.formatted(party));
		JsonNode asV4 = this.api.get(V4 + "/" + fromV5.path("id").asString());
		assertThat(asV4.path("channel").get(0).path("id").asString()).isEqualTo("phone");
		assertThat(asV4.path("channel").get(0).path("name").asString()).isEqualTo("phone");
		assertThat(asV4.path("channel").get(0).path("role").asString()).isEqualTo("contact");
		assertThat(asV4.path("relatedParty").get(0).path("id").asString()).isEqualTo(party);
		assertThat(asV4.path("relatedParty").get(0).path("role").asString()).isEqualTo("customer");
		assertThat(asV4.has("relatedChannel")).isFalse();

		assertThat(this.api.ids(V4 + "?relatedParty.id=" + party)).containsExactly(fromV5.path("id").asString(),
				fromV4.path("id").asString());
		assertThat(this.api.ids(V4 + "?relatedParty.id=" + party + "&channel.id=555"))
			.containsExactly(fromV4.path("id").asString());
		assertThat(this.api.ids(V4 + "?href=" + fromV4.path("href").asString()))
			.containsExactly(fromV4.path("id").asString());
	}

	@Test
	void aV4ChangeOfOneAttributeKeepsWhatOnlyV5CanSay() {
		JsonNode logged = this.api.post(V5, """
				{"@type": "PartyInteraction", "direction": "inbound", "reason": "bundle",
				 "relatedChannel": [{"role": "contact", "channel": {"id": "chat"},
				                     "validFor": {"startDateTime": "2026-11-30T09:00:00Z"}}],
				 "interactionItem": [{"item": {"role": "order", "entity": {"@type": "ProductOrder", "id": "PO-9",
				                                                          "productOrderItem": [{"id": "1"}]}}}]}""");
		String id = logged.path("id").asString();

		this.client.patch()
			.uri(V4 + "/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\": \"inProgress\", \"reason\": \"bundle upgrade\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("bundle upgrade")
			.jsonPath("$.interactionItem[0].item.id")
			.isEqualTo("PO-9");

		JsonNode after = this.api.get(V5 + "/" + id);
		assertThat(after.path("status").asString()).isEqualTo("inProgress");
		assertThat(after.path("relatedChannel").get(0).path("validFor").path("startDateTime").asString())
			.isEqualTo("2026-11-30T09:00:00Z");
		assertThat(after.path("interactionItem")
			.get(0)
			.path("item")
			.path("entity")
			.path("productOrderItem")
			.get(0)
			.path("id")
			.asString()).isEqualTo("1");
	}

	@Test
	void deletingInV4TakesTheInteractionOffBothVersions() {
		String id = this.api.post(V4, """
				{"direction": "inbound", "reason": "wrong number", "channel": [{"id": "phone"}]}""")
			.path("id")
			.asString();

		this.client.delete().uri(V4 + "/" + id).exchange().expectStatus().isNoContent();

		this.client.get().uri(V4 + "/" + id).exchange().expectStatus().isNotFound();
		this.client.get().uri(V5 + "/" + id).exchange().expectStatus().isNotFound();
	}

}
