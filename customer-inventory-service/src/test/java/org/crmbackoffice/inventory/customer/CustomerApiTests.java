package org.crmbackoffice.inventory.customer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.customer.CreditProfile;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.party.PartyApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.model.customer.PartyIdentification;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class CustomerApiTests {

	RestTestClient client;

	@Autowired
	void authenticateAsDataSteward(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.build();
	}

	@Test
	void createsCustomerAndServesItByIdAndInLists() {
		Customer created = this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerFixtures.individual("Grace Hopper", "grace@example.org"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "http://localhost:\\d+" + CustomerApi.BASE_PATH + "/[0-9a-f-]{36}")
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();

		assertThat(created.id()).isNotBlank();
		assertThat(created.href()).isEqualTo(CustomerApi.BASE_PATH + "/" + created.id());
		assertThat(created.type()).isEqualTo("Customer");
		assertThat(created.status()).isEqualTo(CustomerStatus.INITIALIZED);
		assertThat(created.validFor().startDateTime()).isEqualTo("2024-12-31T23:00:00Z");
		assertThat(created.contactMedium()).extracting("mediumType", "emailAddress", "phoneNumber")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("email", "grace@example.org", null),
					org.assertj.core.groups.Tuple.tuple("mobile", null, "+447700900123"));
		// The person sent with the customer became an individual of its own, which the
		// customer refers to.
		assertThat(created.engagedParty()).extracting("type", "name", "referredType")
			.containsExactly("PartyRef", "Grace Hopper", "Individual");
		assertThat(created.engagedParty().href())
			.isEqualTo(PartyApi.INDIVIDUAL_PATH + "/" + created.engagedParty().id());
		assertThat(created.engagedPartyResolution()).isEqualTo(Customer.PARTY_HELD);
		this.client.get()
			.uri(created.engagedParty().href())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.givenName")
			.isEqualTo("Grace")
			.jsonPath("$.familyName")
			.isEqualTo("Hopper")
			.jsonPath("$['@type']")
			.isEqualTo("Individual");
		assertThat(created.creationDate()).isNotNull().isEqualTo(created.lastUpdate());

		Customer read = this.client.get()
			.uri(created.href())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
		assertThat(read).isEqualTo(created);

		List<Customer> firstPage = this.client.get()
			.uri(CustomerApi.BASE_PATH + "?offset=0&limit=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Result-Count", "1")
			.expectHeader()
			.exists("X-Total-Count")
			.expectBody(new ParameterizedTypeReference<List<Customer>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(firstPage).extracting(Customer::id).containsExactly(created.id());
	}

	@Test
	void customersAndTheirPartiesAreNumberedInTheOrderTheyWereCreated() {
		// Time-ordered ids keep records created together side by side, for the audit's
		// chunks among others; PostgreSQL orders uuids as their lower-case text sorts.
		List<Customer> created = new ArrayList<>();
		for (String name : List.of("Ada Lovelace", "Charles Babbage")) {
			created.add(this.client.post()
				.uri(CustomerApi.BASE_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.body(CustomerFixtures.individual(name, "numbered@example.org"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Customer.class)
				.returnResult()
				.getResponseBody());
		}

		assertThat(created).allSatisfy((customer) -> {
			assertThat(UUID.fromString(customer.id()).version()).isEqualTo(7);
			assertThat(UUID.fromString(customer.engagedParty().id()).version()).isEqualTo(7);
		});
		assertThat(created.get(1).id()).isGreaterThan(created.get(0).id());
		assertThat(created.get(1).engagedParty().id()).isGreaterThan(created.get(0).engagedParty().id());
	}

	@Test
	void keepsAnOrganizationsPartyDataReferencesAndCreditProfiles() {
		CustomerCreate northwind = new CustomerCreate("Northwind Traders", "Business customer, 40 mobile lines", null,
				EngagedParty.organization("Northwind Traders Ltd",
						List.of(new PartyIdentification("companyRegistration", "01234567", "Companies House", "GB",
								null))),
				List.of(new ContactMedium(ContactMedium.POSTAL_ADDRESS, "billing", true, null, null, null,
						"12 Harbour Street", null, "Bristol", "BS1 4DJ", null, "GB")),
				List.of(), List.of(new EntityRef("acc-77", null, "Main billing account", "BillingAccount")),
				List.of(new EntityRef("pm-3", null, "Direct debit", "BankAccount")),
				List.of(new CreditProfile(OffsetDateTime.parse("2026-03-01T09:00:00Z"), 2, 812, null)),
				List.of(new RelatedParty("accountManager", new EntityRef("emp-9", null, "Sam Doe", "Individual"))));

		Customer created = this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(northwind)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
		Customer read = this.client.get()
			.uri(created.href())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();

		assertThat(read.engagedParty()).extracting("type", "name", "referredType")
			.containsExactly("PartyRef", "Northwind Traders Ltd", "Organization");
		this.client.get()
			.uri(read.engagedParty().href())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Northwind Traders Ltd")
			.jsonPath("$.tradingName")
			.isEqualTo("Northwind Traders Ltd")
			.jsonPath("$.organizationIdentification[0].identificationId")
			.isEqualTo("01234567")
			.jsonPath("$.organizationIdentification[0]['@type']")
			.isEqualTo("OrganizationIdentification");
		assertThat(read.contactMedium()).isEqualTo(northwind.contactMedium());
		assertThat(read.account())
			.isEqualTo(northwind.account().stream().map((ref) -> ref.typedAs("AccountRef")).toList());
		assertThat(read.paymentMethod())
			.isEqualTo(northwind.paymentMethod().stream().map((ref) -> ref.typedAs("PaymentMethodRef")).toList());
		assertThat(read.creditProfile()).isEqualTo(northwind.creditProfile());
		assertThat(read.relatedParty()).extracting(RelatedParty::type).containsOnly("RelatedPartyOrPartyRole");
		assertThat(read.relatedParty()).extracting((party) -> party.partyOrPartyRole().typedAs(null))
			.isEqualTo(northwind.relatedParty()
				.stream()
				.map((party) -> party.partyOrPartyRole().typedAs("PartyRef"))
				.toList());
		assertThat(read.agreement()).isEmpty();
	}

	@Test
	void answersUnknownCustomerWithNotFoundProblem() {
		for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
			this.client.get()
				.uri(CustomerApi.BASE_PATH + "/" + id)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:crm-backoffice:problem:not-found")
				.jsonPath("$.detail")
				.isEqualTo("No customer with id " + id + ".");
		}
	}

	@Test
	void rejectsInvalidCustomerWithAPointerToEachBadField() {
		this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": " ",
					 "validFor": {"startDateTime": "2025-01-02T00:00:00Z", "endDateTime": "2025-01-01T23:00:00+02:00"},
					 "engagedParty": {"@type": "Individual", "givenName": "Ada", "tradingName": "Ada's"},
					 "contactMedium": [{"mediumType": "email", "emailAddress": "not an address"},
					                   {"mediumType": "postalAddress", "city": "Paris", "country": "France"},
					                   {"mediumType": "email", "emailAddress": "ada@localhost"}]}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:invalid-request")
			.jsonPath("$.errors[*].pointer")
			.value((List<String> pointers) -> assertThat(pointers).containsExactlyInAnyOrder("/name",
					"/validFor/endDateTime", "/engagedParty/familyName", "/engagedParty/tradingName",
					"/contactMedium/0/emailAddress", "/contactMedium/2/emailAddress"));
	}

	@Test
	void rejectsALimitBeyondTheBound() {
		this.client.get()
			.uri(CustomerApi.BASE_PATH + "?limit=100000")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:invalid-request")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("limit");
	}

}
