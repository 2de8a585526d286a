package org.crmbackoffice.inventory.agreement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.agreement.Agreement;
import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.agreement.AgreementCreate;
import org.crmbackoffice.model.agreement.AgreementStatus;
import org.crmbackoffice.model.agreement.TermOrCondition;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class AgreementApiTests {

	RestTestClient client;

	Customer customer;

	@Autowired
	void authenticateAsDataSteward(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.build();
	}

	@BeforeEach
	void createCustomer() {
		this.customer = newCustomer("Linus");
	}

	@Test
	void establishesAgreementsWithACustomerAndListsThemBothWays() {
		AgreementCreate contract = new AgreementCreate("Fibre 1 Gbit/s, 24 months", "Home fibre contract", "commercial",
				new TimePeriod(OffsetDateTime.parse("2026-01-01T00:00:00Z"),
						OffsetDateTime.parse("2027-12-31T23:59:59Z")),
				List.of(new RelatedParty("reseller",
						new EntityRef("shop-12", null, "High Street shop", "Organization")),
						customerParty(this.customer.id())),
				List.of(new TermOrCondition("Minimum term of 24 months", null)), List.of(new EntityRef("doc-991",
						"https://documents.example.org/doc-991", "Signed contract", "Document")));
		Agreement fibre = create(contract);
		Agreement mobile = create(minimal("Mobile 5G unlimited", this.customer.id()));
		create(minimal("Another customer's contract", newCustomer("Margaret").id()));

		assertThat(fibre.href()).isEqualTo(AgreementApi.BASE_PATH + "/" + fibre.id());
		assertThat(fibre.status()).isEqualTo(AgreementStatus.INITIALIZED);
		assertThat(fibre.engagedParty()).extracting("role").containsExactly("customer", "reseller");
		assertThat(fibre.engagedParty().get(0).partyOrPartyRole().href()).isEqualTo(this.customer.href());
		assertThat(fibre.termOrCondition()).isEqualTo(contract.termOrCondition());
		assertThat(fibre.document()).isEqualTo(contract.document());
		assertThat(fibre.agreementPeriod()).isEqualTo(contract.agreementPeriod());
		assertThat(read(fibre.href(), Agreement.class)).isEqualTo(fibre);

		assertThat(read(this.customer.href(), Customer.class).agreement()).containsExactly(
				new EntityRef(fibre.id(), fibre.href(), fibre.name(), "Agreement", "AgreementRef"),
				new EntityRef(mobile.id(), mobile.href(), mobile.name(), "Agreement", "AgreementRef"));
		List<Agreement> ofCustomer = this.client.get()
			.uri(AgreementApi.BASE_PATH + "?engagedParty.id=" + this.customer.id() + "&status=initialized")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "2")
			.expectBody(new ParameterizedTypeReference<List<Agreement>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(ofCustomer).extracting(Agreement::id).containsExactly(mobile.id(), fibre.id());
	}

	@Test
	void movesThroughItsLifecycleUnderETagsAndStaysWithItsCustomer() {
		Agreement agreement = create(minimal("Mobile 5G unlimited", this.customer.id()));

		String etag = patch(agreement.href(), "\"0\"", "{\"status\": \"active\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("active")
			.returnResult()
			.getResponseHeaders()
			.getETag();
		patch(agreement.href(), "\"0\"", "{\"status\": \"suspended\"}").expectStatus().isEqualTo(412);
		patch(agreement.href(), etag, "{\"status\": \"terminated\", \"statusReason\": \"moved abroad\"}").expectStatus()
			.isOk();
		patch(agreement.href(), null, "{\"status\": \"active\"}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("An agreement that is terminated cannot become active. It is final.");
		patch(agreement.href(), null, """
				{"engagedParty": [{"role": "customer", "partyOrPartyRole":
				  {"id": "%s", "@referredType": "Customer"}}]}""".formatted(newCustomer("Ken").id())).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/engagedParty/0/partyOrPartyRole/id");

		Agreement terminated = read(agreement.href(), Agreement.class);
		assertThat(terminated.status()).isEqualTo(AgreementStatus.TERMINATED);
		assertThat(terminated.statusReason()).isEqualTo("moved abroad");
		assertThat(terminated.engagedParty().get(0).partyOrPartyRole().id()).isEqualTo(this.customer.id());
	}

	@Test
	void refusesAgreementsWithoutAnOpenCustomerOfThisInventory() {
		this.client.post()
			.uri(AgreementApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(minimal("Nobody's contract", UUID.randomUUID().toString()))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/engagedParty/0/partyOrPartyRole/id");
		this.client.post()
			.uri(AgreementApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new AgreementCreate("No customer", null, "commercial", null,
					List.of(new RelatedParty("reseller", new EntityRef("shop-12", null, null, "Organization"))), null,
					null))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/engagedParty");

		for (String query : List.of("engagedParty.id=not-a-uuid", "status=signed", "limit=0")) {
			this.client.get()
				.uri(AgreementApi.BASE_PATH + "?" + query)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}

		patch(this.customer.href(), null, "{\"status\": \"closed\"}").expectStatus().isOk();
		this.client.post()
			.uri(AgreementApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(minimal("Too late", this.customer.id()))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void aPartnerSeesOnlyTheAgreementsOfItsOwnCustomerRecord() {
		Agreement own = create(minimal("Own contract", this.customer.id()));
		Agreement foreign = create(minimal("Foreign contract", newCustomer("Barbara").id()));
		String partner = TestIssuer.shared().token().roles(Roles.PARTNER).partyId(this.customer.id()).build();

		List<Agreement> listed = this.client.get()
			.uri(AgreementApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(partner))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Agreement>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(listed).extracting(Agreement::id).containsExactly(own.id());
		this.client.get()
			.uri(foreign.href())
			.headers((headers) -> headers.setBearerAuth(partner))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri(AgreementApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(partner))
			.contentType(MediaType.APPLICATION_JSON)
			.body(minimal("Self-made contract", this.customer.id()))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aRetriedCreateWithTheSameIdempotencyKeyCreatesOnce() {
		String key = "crm-frontend-" + UUID.randomUUID();
		AgreementCreate request = minimal("Retried contract", this.customer.id());

		String first = createWithKey(key, request).expectHeader()
			.valueEquals("Idempotent-Replayed", "false")
			.expectBody(Agreement.class)
			.returnResult()
			.getResponseBody()
			.id();
		String second = createWithKey(key, request).expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(Agreement.class)
			.returnResult()
			.getResponseBody()
			.id();

		assertThat(second).isEqualTo(first);
		assertThat(read(this.customer.href(), Customer.class).agreement()).extracting(EntityRef::id)
			.containsExactly(first);
	}

	private RestTestClient.ResponseSpec createWithKey(String key, AgreementCreate request) {
		return this.client.post()
			.uri(AgreementApi.BASE_PATH)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private Agreement create(AgreementCreate request) {
		return this.client.post()
			.uri(AgreementApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Agreement.class)
			.returnResult()
			.getResponseBody();
	}

	private <T> T read(String href, Class<T> type) {
		return this.client.get()
			.uri(href)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(type)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec patch(String href, String ifMatch, String body) {
		return this.client.patch().uri(href).headers((headers) -> {
			if (ifMatch != null) {
				headers.setIfMatch(ifMatch);
			}
		}).contentType(MediaType.parseMediaType(JsonMergePatch.MEDIA_TYPE)).body(body).exchange();
	}

	private Customer newCustomer(String givenName) {
		return this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerCreate.of(givenName + " Example",
					EngagedParty.individual(givenName, "Example", LocalDate.of(1969, 12, 28)),
					List.of(ContactMedium.email(givenName.toLowerCase() + "@example.org"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	private static AgreementCreate minimal(String name, String customerId) {
		return new AgreementCreate(name, null, "commercial", null, List.of(customerParty(customerId)), null, null);
	}

	private static RelatedParty customerParty(String customerId) {
		return new RelatedParty("customer", new EntityRef(customerId, null, null, "Customer"));
	}

}
