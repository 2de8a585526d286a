package org.crmbackoffice.inventory.party;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.model.party.PartyApi;
import org.crmbackoffice.support.hub.Dispatcher;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.JsonClient;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TMF632 individuals and organizations the inventory serves: as a client written to
 * the specification creates, reads, lists, changes and listens to them, and as the
 * customers that engage them see them.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.hub.allow-private-callbacks=true")
class PartyApiTests {

	private final WebhookReceiver receiver = startReceiver();

	RestTestClient client;

	JsonClient api;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail trail;

	/** Makes each test's parties its own. */
	private String tag;

	@Autowired
	void authenticateAsAdministrator(RestTestClient client, JsonMapper json) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
		this.api = new JsonClient(this.client, json);
	}

	@BeforeEach
	void tag() {
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void createsAnIndividualAsTheSpecificationWritesItAndFindsItByItsFilters() {
		JsonNode created = this.api.post(PartyApi.INDIVIDUAL_PATH, """
				{"@type": "Individual", "givenName": "Jean", "familyName": "Dupont%s", "title": "Dr",
				 "gender": "male", "nationality": "FR", "birthDate": "1967-09-26T00:00:00Z",
				 "contactMedium": [{"@type": "EmailContactMedium", "preferred": true,
				                    "emailAddress": "jean.dupont@example.org"}],
				 "individualIdentification": [{"@type": "IndividualIdentification", "identificationType": "passport",
				                               "identificationId": "51DD1234", "issuingAuthority": "Préfecture",
				                               "issuingDate": "2018-03-01T00:00:00Z"}],
				 "partyCharacteristic": [{"name": "preferredLanguage", "value": "fr"}],
				 "skill": [{"@type": "Skill", "skillCode": "B2", "skillName": "English"}]}""".formatted(this.tag));

		String id = created.path("id").asString();
		assertThat(created.path("href").asString()).isEqualTo(PartyApi.INDIVIDUAL_PATH + "/" + id);
		assertThat(created.path("@type").asString()).isEqualTo("Individual");
		assertThat(created.path("status").asString()).isEqualTo("initialized");
		assertThat(created.path("name").asString()).isEqualTo("Jean Dupont" + this.tag);
		assertThat(created.path("birthDate").asString()).isEqualTo("1967-09-26T00:00:00Z");
		assertThat(created.path("contactMedium").get(0).path("emailAddress").asString())
			.isEqualTo("jean.dupont@example.org");
		assertThat(created.path("individualIdentification").get(0).path("identificationId").asString())
			.isEqualTo("51DD1234");
		assertThat(created.path("partyCharacteristic").get(0).path("@type").asString())
			.isEqualTo("StringCharacteristic");
		assertThat(created.path("skill").get(0).path("skillName").asString())
			.as("an attribute the inventory does not interpret is kept as sent")
			.isEqualTo("English");
		assertThat(this.api.get(created.path("href").asString())).isEqualTo(created);

		assertThat(this.api.ids(PartyApi.INDIVIDUAL_PATH + "?familyName=DUPONT" + this.tag)).containsExactly(id);
		assertThat(this.api.ids(PartyApi.INDIVIDUAL_PATH + "?id=" + id + "&status=initialized")).containsExactly(id);
		assertThat(this.api.ids(PartyApi.INDIVIDUAL_PATH + "?familyName=Dupont" + this.tag + "&status=validated"))
			.isEmpty();
		assertThat(this.api.ids(PartyApi.ORGANIZATION_PATH + "?id=" + id)).as("an individual is no organization")
			.isEmpty();
		this.client.get().uri(PartyApi.ORGANIZATION_PATH + "/" + id).exchange().expectStatus().isNotFound();
		this.client.get()
			.uri(PartyApi.INDIVIDUAL_PATH + "?nickname=Jeannot")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("nickname");
	}

	@Test
	void refusesAPartyWithoutItsRequiredNamesOrWithImpossibleDates() {
		refused(PartyApi.INDIVIDUAL_PATH, "{\"givenName\": \"Only\"}", "/familyName");
		refused(PartyApi.ORGANIZATION_PATH, "{\"tradingName\": \"Nameless\"}", "/name");
		refused(PartyApi.INDIVIDUAL_PATH, """
				{"givenName": "Not", "familyName": "Yet", "birthDate": "2999-01-01"}""", "/birthDate");
		refused(PartyApi.INDIVIDUAL_PATH, """
				{"givenName": "Leap", "familyName": "Less", "birthDate": "2023-02-29"}""", "/birthDate");
		refused(PartyApi.INDIVIDUAL_PATH, """
				{"givenName": "Long", "familyName": "Ago", "birthDate": "1900-01-01", "deathDate": "1890-01-01"}""",
				"/deathDate");
	}

	@Test
	void anOrganizationKeepsItsRegistrationsAndTheCustomersEngagingItShowItsNewName() {
		JsonNode organization = this.api.post(PartyApi.ORGANIZATION_PATH,
				"""
						{"@type": "Organization", "name": "Harbour %s Ltd", "tradingName": "Harbour", "isLegalEntity": true,
						 "organizationType": "company",
						 "organizationIdentification": [{"identificationType": "companyRegistration",
						                                 "identificationId": "04512398", "issuingAuthority": "Companies House"}],
						 "existsDuring": {"startDateTime": "2001-05-01T00:00:00Z"}}"""
					.formatted(this.tag));
		assertThat(organization.path("organizationIdentification").get(0).path("@type").asString())
			.isEqualTo("OrganizationIdentification");
		assertThat(organization.path("isLegalEntity").asBoolean()).isTrue();
		JsonNode customer = this.api.post(CustomerApi.BASE_PATH, """
				{"name": "Harbour %s", "engagedParty": {"@type": "PartyRef", "id": "%s",
				                                         "@referredType": "Organization"}}""".formatted(this.tag,
				organization.path("id").asString()));
		assertThat(customer.path("engagedPartyResolution").asString()).isEqualTo("held");
		assertThat(customer.path("engagedParty").path("href").asString())
			.isEqualTo(organization.path("href").asString());

		JsonNode renamed = this.api.patch(organization.path("href").asString(), """
				{"name": "Harbour %s Group plc", "status": "validated"}""".formatted(this.tag));

		assertThat(renamed.path("status").asString()).isEqualTo("validated");
		assertThat(renamed.path("organizationIdentification").get(0).path("identificationId").asString())
			.isEqualTo("04512398");
		assertThat(this.api.get(customer.path("href").asString()).path("engagedParty").path("name").asString())
			.isEqualTo("Harbour " + this.tag + " Group plc");
		this.client.patch()
			.uri(organization.path("href").asString())
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"tradingName\": \"Stale\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(412);
	}

	@Test
	void listenersOfThePartyHubHearOfPartiesAndListenersOfTheCustomerHubOfCustomers() {
		register("/tmf-api/partyManagement/v5/hub");
		JsonNode customer = this.api.post(CustomerApi.BASE_PATH, """
				{"name": "Heard %1$s", "engagedParty": {"@type": "Individual", "givenName": "Heard",
				                                        "familyName": "%1$s"}}""".formatted(this.tag));
		String party = customer.path("engagedParty").path("href").asString();
		this.api.patch(party, "{\"status\": \"validated\"}");
		this.api.patch(party, "{\"middleName\": \"Quietly\"}");

		this.dispatcher.deliverDue();

		List<JsonNode> events = this.receiver.accepted()
			.stream()
			.map((received) -> this.json.readTree(received.body()))
			.filter((event) -> event.path("event").path("individual").path("familyName").asString().equals(this.tag))
			.toList();
		assertThat(events).extracting((event) -> event.path("eventType").asString())
			.containsExactly("IndividualCreateEvent", "IndividualStateChangeEvent",
					"IndividualAttributeValueChangeEvent");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.path("domain").asString()).isEqualTo("partyManagement");
			assertThat(event.path("event").path("individual").path("href").asString()).isEqualTo(party);
		});
		assertThat(this.receiver.accepted())
			.noneSatisfy((received) -> assertThat(this.json.readTree(received.body()).path("eventType").asString())
				.startsWith("Customer"));
	}

	@Test
	void aPartnerSeesOnlyThePartyItsOwnCustomerEngagesAndEveryReadIsAudited() {
		JsonNode own = this.api.post(CustomerApi.BASE_PATH,
				"""
						{"name": "Own %1$s", "engagedParty": {"@type": "Individual", "givenName": "Own", "familyName": "%1$s"}}"""
					.formatted(this.tag));
		JsonNode other = this.api.post(PartyApi.INDIVIDUAL_PATH, """
				{"givenName": "Other", "familyName": "%s"}""".formatted(this.tag));
		String partner = TestIssuer.shared()
			.token()
			.subject("partner-" + this.tag)
			.roles(Roles.PARTNER)
			.partyId(own.path("id").asString())
			.build();
		JsonClient asPartner = new JsonClient(
				this.client.mutate().defaultHeaders((headers) -> headers.setBearerAuth(partner)).build(), this.json);

		String ownParty = own.path("engagedParty").path("id").asString();
		assertThat(asPartner.get(PartyApi.INDIVIDUAL_PATH + "/" + ownParty).path("givenName").asString())
			.isEqualTo("Own");
		assertThat(asPartner.ids(PartyApi.INDIVIDUAL_PATH + "?familyName=" + this.tag)).containsExactly(ownParty);
		this.client.get()
			.uri(other.path("href").asString())
			.headers((headers) -> headers.setBearerAuth(partner))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri(PartyApi.INDIVIDUAL_PATH)
			.headers((headers) -> headers.setBearerAuth(partner))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"givenName\": \"Sneaky\", \"familyName\": \"Partner\"}")
			.exchange()
			.expectStatus()
			.isForbidden();

		this.trail.flush();
		assertThat(this.jdbc.queryForList(
				"select operation from audit_entry where record_id = ?::uuid and principal = ? order by sequence",
				String.class, ownParty, "partner-" + this.tag))
			.containsExactly("party.read", "party.list");
	}

	private void register(String hub) {
		this.client.post()
			.uri(hub)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(this.receiver.url(), null))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.href")
			.value(String.class, (href) -> assertThat(href).startsWith(hub + "/"));
	}

	private void refused(String path, String body, String pointer) {
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].pointer")
			.value(List.class, (pointers) -> assertThat(pointers).contains(pointer));
	}

	private static WebhookReceiver startReceiver() {
		try {
			return new WebhookReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
