package org.crmbackoffice.inventory.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing customers: their lifecycle, merge patches under ETags, and creates that are
 * safe to retry.
 */
@ApiIntegrationTest
class CustomerChangeApiTests {

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	RestTestClient client;

	@Autowired
	void authenticateAsDataSteward(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.build();
	}

	static Stream<Arguments> everyMove() {
		Map<CustomerStatus, List<CustomerStatus>> allowed = Map.of(CustomerStatus.INITIALIZED,
				List.of(CustomerStatus.APPROVED, CustomerStatus.CLOSED), CustomerStatus.APPROVED,
				List.of(CustomerStatus.SUSPENDED, CustomerStatus.CLOSED), CustomerStatus.SUSPENDED,
				List.of(CustomerStatus.APPROVED, CustomerStatus.CLOSED), CustomerStatus.CLOSED, List.of());
		List<Arguments> moves = new ArrayList<>();
		for (CustomerStatus from : CustomerStatus.values()) {
			for (CustomerStatus to : CustomerStatus.values()) {
				if (from != to) {
					moves.add(Arguments.of(from, to, allowed.get(from).contains(to)));
				}
			}
		}
		return moves.stream();
	}

	@ParameterizedTest(name = "{0} -> {1} allowed: {2}")
	@MethodSource("everyMove")
	void movesOnlyAlongTheLifecycle(CustomerStatus from, CustomerStatus to, boolean allowed) {
		Customer customer = create("Lifecycle " + from + " " + to);
		if (from == CustomerStatus.SUSPENDED) {
			patch(customer.href(), "{\"status\": \"approved\"}").expectStatus().isOk();
		}
		if (from != CustomerStatus.INITIALIZED) {
			patch(customer.href(), "{\"status\": \"" + from.value() + "\"}").expectStatus().isOk();
		}

		RestTestClient.ResponseSpec response = patch(customer.href(),
				"{\"status\": \"" + to.value() + "\", \"statusReason\": \"test\"}");

		if (allowed) {
			response.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(to.value())
				.jsonPath("$.statusReason")
				.isEqualTo("test");
		}
		else {
			response.expectStatus().isEqualTo(409).expectBody().jsonPath("$.allowedTransitions").isArray();
		}
	}

	@Test
	void changesAttributesUnderTheETagOfTheLastRead() {
		Customer customer = create("Etag Customer");
		String etag = etagOf(customer.href());

		this.client.patch()
			.uri(customer.href())
			.header("If-Match", etag)
			.contentType(MERGE_PATCH)
			.body("{\"description\": \"Moved to a business plan\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo("Moved to a business plan");
		this.client.patch()
			.uri(customer.href())
			.header("If-Match", etag)
			.contentType(MERGE_PATCH)
			.body("{\"description\": \"Lost update\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(412);
		patch(customer.href(), "{\"name\": \" \"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/name");
		this.client.patch()
			.uri(customer.href())
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.contentType(MERGE_PATCH)
			.body("{\"description\": \"Agents do not change customers\"}")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void answersNotModifiedToAFrontEndWhoseCopyIsCurrent() {
		Customer customer = create("Cached Customer");
		String etag = etagOf(customer.href());

		this.client.get()
			.uri(customer.href())
			.header("If-None-Match", etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectBody()
			.isEmpty();
		patch(customer.href(), "{\"description\": \"Changed elsewhere\"}").expectStatus().isOk();
		this.client.get()
			.uri(customer.href())
			.header("If-None-Match", etag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("ETag", (current) -> assertThat(current).isNotEqualTo(etag))
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo("Changed elsewhere");
	}

	@Test
	void refusesAPatchWithAnAttributeTheCustomerDoesNotHaveAndChangesNothing() {
		Customer customer = create("Misspelt Patch");
		String etag = etagOf(customer.href());

		patch(customer.href(),
				"{\"status\": \"approved\", \"contactMedium\": [{\"@type\": \"EmailContactMedium\", "
						+ "\"emial\": \"x@example.org\"}]}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/contactMedium/0/emial")
			.jsonPath("$.detail")
			.value(String.class,
					(detail) -> assertThat(detail).contains("/contactMedium/0/emial").doesNotContain("org.", "class"));
		patch(customer.href(), "{\"statsu\": \"approved\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/statsu");

		assertThat(etagOf(customer.href())).isEqualTo(etag);
	}

	private String etagOf(String href) {
		return this.client.get()
			.uri(href)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
	}

	@Test
	void acceptsExtensionAttributesOfAnObjectThatNamesItsSchema() {
		Customer customer = create("Extended Customer");

		patch(customer.href(),
				"""
						{"@schemaLocation": "https://schemas.example.com/LoyalCustomer.schema.json", "@type": "LoyalCustomer",
						 "loyaltyTier": "gold", "contactMedium": [{"@type": "EmailContactMedium", "emailAddress": "x@example.org",
						 "@schemaLocation": "https://schemas.example.com/VerifiedEmail.schema.json", "verifiedBy": "crm"}]}""")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contactMedium[0].emailAddress")
			.isEqualTo("x@example.org");
	}

	@Test
	void aRetriedCreateWithTheSameIdempotencyKeyCreatesOnce() {
		String key = "crm-frontend-" + UUID.randomUUID();
		String body = """
				{"name": "Retry Customer", "engagedParty": {"@type": "Organization", "tradingName": "Retry Ltd"}}""";

		Customer first = createWithKey(key, body).expectHeader()
			.valueEquals("Idempotent-Replayed", "false")
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
		Customer second = createWithKey(key, body).expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();

		assertThat(second.id()).isEqualTo(first.id());
		this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.replace("Retry Customer", "Another Customer"))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
	}

	private RestTestClient.ResponseSpec createWithKey(String key, String body) {
		return this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private Customer create(String name) {
		return this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerFixtures.individual(name, "someone@example.org"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec patch(String href, String mergePatch) {
		return this.client.patch().uri(href).contentType(MERGE_PATCH).body(mergePatch).exchange();
	}

}
