package org.crmbackoffice.inventory.customer;

import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.party.PartyApi;
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
 * What a client written to TMF629 v5.0.1 sends and reads, as raw JSON, for what the
 * inventory already serves the v5 way: typed references, polymorphic contact media, merge
 * patches in either content type, the TMF630 filters.
 */
@ApiIntegrationTest
class CustomerV5ConformanceTests {

	private static final String BASE = CustomerApi.BASE_PATH;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	RestTestClient client;

	JsonClient api;

	@Autowired
	void authenticateAsDataSteward(RestTestClient client, JsonMapper json) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.build();
		this.api = new JsonClient(this.client, json);
	}

	@Test
	void showsEveryReferenceWithItsTmfTypeAndKeepsTheTypeAClientGave() {
		JsonNode customer = this.api.post(BASE, """
				{"@type": "Customer", "name": "Typed %s",
				 "engagedParty": {"@type": "Organization", "tradingName": "Typed Ltd"},
				 "account": [{"id": "ACC-1", "@referredType": "BillingAccount"}],
				 "characteristic": [{"@type": "StringCharacteristic", "name": "segment", "value": "gold"},
				                    {"name": "preferredLanguage", "value": "fr"}],
				 "paymentMethod": [{"@type": "PaymentMethodRef", "id": "PM-1", "@referredType": "BankAccountDebit"}],
				 "relatedParty": [{"@type": "RelatedPartyRefOrPartyRoleRef", "role": "bill receiver",
				                   "partyOrPartyRole": {"@type": "PartyRef", "id": "2777",
				                                        "@referredType": "Organization"}},
				                  {"role": "account manager",
				                   "partyOrPartyRole": {"id": "emp-4", "@referredType": "Individual"}}],
				 "contactMedium": [{"@type": "EmailContactMedium", "id": "cm-1", "emailAddress": "typed@example.org"},
				                   {"@type": "SocialContactMedium", "socialNetworkId": "@typed"}]}"""
			.formatted(this.tag));

		assertThat(customer.path("account").get(0).path("@type").asString()).isEqualTo("AccountRef");
		assertThat(customer.path("characteristic").valueStream().map((trait) -> trait.path("@type").asString()))
			.containsExactly("StringCharacteristic", "StringCharacteristic");
		assertThat(customer.path("paymentMethod").get(0).path("@type").asString()).isEqualTo("PaymentMethodRef");
		assertThat(customer.path("relatedParty").get(0).path("@type").asString())
			.isEqualTo("RelatedPartyRefOrPartyRoleRef");
		assertThat(customer.path("relatedParty").get(1).path("@type").asString()).isEqualTo("RelatedPartyOrPartyRole");
		assertThat(customer.path("relatedParty").get(1).path("partyOrPartyRole").path("@type").asString())
			.isEqualTo("PartyRef");
		JsonNode email = customer.path("contactMedium").get(0);
		assertThat(email.path("@type").asString()).isEqualTo("EmailContactMedium");
		assertThat(email.path("id").asString()).isEqualTo("cm-1");
		assertThat(email.path("mediumType").asString()).isEqualTo("email");
		assertThat(customer.path("contactMedium").get(1).path("socialNetworkId").asString()).isEqualTo("@typed");
	}

	@Test
	void createsTheCustomerOfAPartyHeldElsewhereFromTheSpecificationsKindOfBody() {
		JsonNode customer = this.api.post(BASE, """
				{"@type": "Customer", "name": "Moon Club %s",
				 "engagedParty": {"@type": "PartyRef", "id": "500", "name": "Happy Travellers",
				                  "href": "https://parties.example.org/tmf-api/partyManagement/v5/organization/500",
				                  "@referredType": "Organization"},
				 "contactMedium": [
				  {"@type": "PhoneContactMedium", "preferred": true, "contactType": "homePhone",
				   "phoneNumber": "01 09 75 83 51"},
				  {"@type": "GeographicAddressContactMedium", "contactType": "homeAddress", "city": "Paris",
				   "country": "France", "postCode": "75014", "street1": "15 Rue des Canards"}]}""".formatted(this.tag));

		JsonNode party = customer.path("engagedParty");
		assertThat(party.path("@type").asString()).isEqualTo("PartyRef");
		assertThat(party.path("id").asString()).isEqualTo("500");
		assertThat(party.path("@referredType").asString()).isEqualTo("Organization");
		assertThat(party.has("tradingName")).isFalse();
		assertThat(customer.path("engagedPartyResolution").asString()).isEqualTo("external");
		assertThat(customer.path("contactMedium").get(0).path("phoneNumber").asString()).isEqualTo("+33109758351");

		this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Mixed %s", "engagedParty": {"@type": "PartyRef", "id": "501", "tradingName": "Mixed"}}"""
				.formatted(this.tag))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/engagedParty/tradingName");
	}

	@Test
	void patchesWithAMergePatchOrPlainJsonAlike() {
		String href = this.api.post(BASE, minimal("Patched " + this.tag)).path("href").asString();

		for (MediaType type : List.of(MediaType.parseMediaType("application/merge-patch+json"),
				MediaType.APPLICATION_JSON)) {
			this.client.patch()
				.uri(href)
				.contentType(type)
				.body("{\"description\": \"sent as " + type + "\"}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.description")
				.isEqualTo("sent as " + type);
		}
	}

	@Test
	void filtersByIdHrefAndTheEngagedPartysId() {
		JsonNode first = this.api.post(BASE, minimal("First " + this.tag));
		JsonNode second = this.api.post(BASE, """
				{"name": "Second %s", "engagedParty": {"@type": "PartyRef", "id": "org-%s",
				                                       "@referredType": "Organization"}}""".formatted(this.tag,
				this.tag));
		String one = first.path("id").asString();
		String two = second.path("id").asString();

		assertThat(ids("id=" + one)).containsExactly(one);
		assertThat(ids("id=" + one + "," + two)).containsExactlyInAnyOrder(one, two);
		assertThat(ids("id=not-one-of-ours")).isEmpty();
		assertThat(ids("href=" + second.path("href").asString())).containsExactly(two);
		assertThat(ids("engagedParty.id=org-" + this.tag)).containsExactly(two);
		assertThat(ids("engagedParty.id=" + first.path("engagedParty").path("id").asString())).containsExactly(one);
	}

	@Test
	void refersACustomerToAnotherPartyButChangesThePartysDataOnlyOnTheParty() {
		JsonNode customer = this.api.post(BASE, minimal("Moving " + this.tag));
		JsonNode organization = this.api.post(PartyApi.ORGANIZATION_PATH, """
				{"name": "Moving Ltd %s"}""".formatted(this.tag));

		JsonNode moved = this.api.patch(customer.path("href").asString(), """
				{"engagedParty": {"@type": "PartyRef", "id": "%s", "@referredType": "Organization"}}"""
			.formatted(organization.path("id").asString()));
		assertThat(moved.path("engagedParty").path("href").asString()).isEqualTo(organization.path("href").asString());
		assertThat(moved.path("engagedParty").path("name").asString()).isEqualTo("Moving Ltd " + this.tag);
		assertThat(moved.path("engagedPartyResolution").asString()).isEqualTo("held");

		this.client.patch()
			.uri(customer.path("href").asString())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"engagedParty\": {\"@type\": \"Organization\", \"tradingName\": \"Renamed\"}}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/engagedParty");
		this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Own id %s", "engagedParty": {"@type": "Organization", "id": "mine",
					                                       "tradingName": "Own Id Ltd"}}""".formatted(this.tag))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/engagedParty/id");
	}

	private static String minimal(String name) {
		return """
				{"name": "%s", "engagedParty": {"@type": "Individual", "givenName": "Ada", "familyName": "Byron"}}"""
			.formatted(name);
	}

	private List<String> ids(String query) {
		return this.api.ids(BASE + "?" + query);
	}

}
