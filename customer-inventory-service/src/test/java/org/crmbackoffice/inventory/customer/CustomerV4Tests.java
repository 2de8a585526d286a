package org.crmbackoffice.inventory.customer;

import java.util.List;
import java.util.UUID;

import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.model.customer.CustomerApi;
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
 * A TMF629 v4 client and a v5 client working on the same customers, each in its own
 * shape.
 */
@ApiIntegrationTest
class CustomerV4Tests {

	private static final String V4 = CustomerV4Mapper.BASE_PATH;

	private static final String V5 = CustomerApi.BASE_PATH;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	RestTestClient client;

	JsonClient api;

	@Autowired
	AuditTrail trail;

	@Autowired
	void authenticateAsDataSteward(RestTestClient client, JsonMapper json) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.build();
		this.api = new JsonClient(this.client, json);
	}

	@Test
	void aCustomerCreatedInV4ForAPartyHeldElsewhereReadsTheSameInV5AndItsV4ReadsAreAudited() {
		JsonNode created = this.api.post(V4, """
				{"name": "Moon Club %s", "engagedParty": {"@referredType": "Organization", "id": "500"},
				 "contactMedium": [{"mediumType": "email", "preferred": true,
				                    "characteristic": {"emailAddress": "moon.%s@example.org"}}],
				 "relatedParty": [{"id": "emp-9", "@referredType": "Individual"}]}""".formatted(this.tag, this.tag));
		String id = created.path("id").asString();
		assertThat(created.path("href").asString()).isEqualTo(V4 + "/" + id);
		assertThat(created.path("engagedParty").path("id").asString()).isEqualTo("500");

		JsonNode asV5 = this.api.get(V5 + "/" + id);
		assertThat(asV5.path("engagedParty").path("@type").asString()).isEqualTo("PartyRef");
		assertThat(asV5.path("engagedParty").path("@referredType").asString()).isEqualTo("Organization");
		assertThat(asV5.path("contactMedium").get(0).path("@type").asString()).isEqualTo("EmailContactMedium");
		assertThat(asV5.path("contactMedium").get(0).path("emailAddress").asString())
			.isEqualTo("moon." + this.tag + "@example.org");
		assertThat(asV5.path("relatedParty").get(0).path("role").asString()).isEqualTo("individual");

		assertThat(this.api.ids(V4 + "?id=" + id)).containsExactly(id);
		assertThat(this.api.ids(V4 + "?name=Moon Club " + this.tag)).containsExactly(id);
		this.client.patch()
			.uri(V4 + "/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Sun Club " + this.tag + "\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Sun Club " + this.tag);

		this.trail.flush();
		this.client.get()
			.uri("/inventory/v1/audit/entry?recordId=" + id + "&operation=customer.read")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AUDITOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].recordId")
			.isEqualTo(id);
	}

	@Test
	void aV4ChangeOfTheNameKeepsThePartyDataAndMediaOnlyV5CanShow() {
		JsonNode held = this.api.post(V5,
				"""
						{"name": "Ada %s", "engagedParty": {"@type": "Individual", "givenName": "Ada", "familyName": "Byron",
						                                     "birthDate": "1815-12-10"},
						 "contactMedium": [{"@type": "EmailContactMedium", "id": "cm-7", "emailAddress": "ada.%s@example.org"}]}"""
					.formatted(this.tag, this.tag));
		String id = held.path("id").asString();

		JsonNode asV4 = this.api.get(V4 + "/" + id);
		assertThat(asV4.path("engagedParty").path("@referredType").asString()).isEqualTo("Individual");
		assertThat(asV4.path("engagedPartyResolution").asString()).isEqualTo("held");
		assertThat(asV4.path("contactMedium").get(0).path("characteristic").path("emailAddress").asString())
			.isEqualTo("ada." + this.tag + "@example.org");

		this.client.patch()
			.uri(V4 + "/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Ada Lovelace " + this.tag + "\"}")
			.exchange()
			.expectStatus()
			.isOk();

		JsonNode after = this.api.get(V5 + "/" + id);
		assertThat(after.path("name").asString()).isEqualTo("Ada Lovelace " + this.tag);
		assertThat(after.path("engagedParty")).isEqualTo(held.path("engagedParty"));
		JsonNode party = this.api.get(after.path("engagedParty").path("href").asString());
		assertThat(party.path("givenName").asString()).isEqualTo("Ada");
		assertThat(party.path("birthDate").asString()).isEqualTo("1815-12-10T00:00:00Z");
		assertThat(after.path("contactMedium").get(0).path("id").asString()).isEqualTo("cm-7");
	}

}
