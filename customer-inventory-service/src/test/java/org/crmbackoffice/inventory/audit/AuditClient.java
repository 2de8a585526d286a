package org.crmbackoffice.inventory.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Calls to the inventory as the tests of the audit make them: as some caller, and as an
 * auditor.
 */
public final class AuditClient {

	static final String ENTRIES = "/inventory/v1/audit/entry";

	public static final String VERIFY = "/inventory/v1/audit/verify";

	private final RestTestClient client;

	private final JsonMapper json;

	private final String auditor = TestIssuer.shared().token().subject("auditor-alice").roles(Roles.AUDITOR).build();

	public AuditClient(RestTestClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	public static String token(String subject, String role) {
		return TestIssuer.shared().token().subject(subject).roles(role).build();
	}

	Customer create(String token, CustomerCreate customer) {
		return this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(customer)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * @return the body of the answer, which must have the given status
	 */
	public byte[] get(String token, String uri, int status, Consumer<HttpHeaders> headers) {
		return this.client.get().uri(uri).headers((all) -> {
			all.setBearerAuth(token);
			headers.accept(all);
		}).exchange().expectStatus().isEqualTo(status).expectBody(byte[].class).returnResult().getResponseBody();
	}

	public byte[] get(String token, String uri, int status) {
		return get(token, uri, status, (headers) -> {
		});
	}

	/** Entries as an auditor lists them. */
	List<JsonNode> entries(String query) {
		JsonNode page = this.json.readTree(get(this.auditor, ENTRIES + "?limit=1000&" + query, 200));
		return page.valueStream().toList();
	}

	JsonNode verify() {
		return this.json.readTree(get(this.auditor, VERIFY, 200));
	}

	public String asAuditor(String uri) {
		return new String(get(this.auditor, uri, 200), StandardCharsets.UTF_8);
	}

	public JsonNode jsonAsAuditor(String uri) {
		return this.json.readTree(get(this.auditor, uri, 200));
	}

}
