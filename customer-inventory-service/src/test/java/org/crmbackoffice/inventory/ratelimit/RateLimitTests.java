package org.crmbackoffice.inventory.ratelimit;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.crmbackoffice.inventory.CustomerInventoryApplication;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.NoBackgroundDelivery;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.TestIssuerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each caller draws on a budget of requests, a partner on its party's; a spent budget
 * answers 429 with when to come back, and refills. Budgets here are tiny and the window
 * short, so that refilling takes a second; every test calls as subjects and parties of
 * its own, since budgets outlive a test in the shared database.
 */
@ApiIntegrationTest
@TestPropertySource(properties = { "crm.rate-limit.enabled=true", "crm.rate-limit.window=3s",
		"crm.rate-limit.requests.per-role.agent=3", "crm.rate-limit.requests.per-role.partner=2",
		"crm.rate-limit.requests.per-role.auditor=50", "crm.rate-limit.bulk.per-role.auditor=1",
		"crm.rate-limit.pause-after-failure=1s" })
class RateLimitTests {

	private static final TestIssuer issuer = TestIssuer.shared();

	private static final String CUSTOMERS = CustomerApi.BASE_PATH;

	@Autowired
	RestTestClient client;

	@Test
	void answersTooManyRequestsWithRetryAfterAndRecovers() throws InterruptedException {
		String agent = issuer.token().subject("agent-" + UUID.randomUUID()).roles(Roles.AGENT).build();

		for (int remaining = 2; remaining >= 0; remaining--) {
			get(CUSTOMERS, agent).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Policy", "\"default\";q=3;w=3")
				.expectHeader()
				.value("RateLimit", (value) -> assertThat(value).startsWith("\"default\";r="));
		}
		EntityExchangeResult<byte[]> refused = get(CUSTOMERS, agent).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("RateLimit", "\"default\";r=0;t=3")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:too-many-requests")
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("3 requests per 3 s"))
			.returnResult();
		long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).isBetween(1L, 3L);

		Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
		get(CUSTOMERS, agent).expectStatus().isOk();
	}

	@Test
	void partnersShareTheirPartysBudgetWhicheverClientTheyCallWith() {
		String party = "party-" + UUID.randomUUID();
		String app = issuer.token()
			.subject("partner-app-" + UUID.randomUUID())
			.roles(Roles.PARTNER)
			.partyId(party)
			.build();
		String portal = issuer.token()
			.subject("partner-portal-" + UUID.randomUUID())
			.roles(Roles.PARTNER)
			.partyId(party)
			.build();
		String otherParty = issuer.token()
			.subject("partner-other-" + UUID.randomUUID())
			.roles(Roles.PARTNER)
			.partyId("party-" + UUID.randomUUID())
			.build();
		String someoneElses = CUSTOMERS + "/" + UUID.randomUUID();

		get(someoneElses, app).expectStatus().isNotFound();
		get(someoneElses, portal).expectStatus().isNotFound();
		get(someoneElses, app).expectStatus().isEqualTo(429);
		get(someoneElses, portal).expectStatus().isEqualTo(429);
		get(someoneElses, otherParty).expectStatus().isNotFound();
	}

	@Test
	void exportsAndReportsDrawOnABudgetOfTheirOwn() {
		String auditor = issuer.token().subject("auditor-" + UUID.randomUUID()).roles(Roles.AUDITOR).build();

		get("/inventory/v1/report/anomaly", auditor).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"bulk\";q=1;w=3");
		get("/inventory/v1/report/usage", auditor).expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("for exports and reports"));
		get("/inventory/v1/audit/entry", auditor).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"default\";q=50;w=3");
	}

	@Test
	void instancesOfTheServiceDrawOnOneBudget(@Autowired Environment environment) {
		String agent = issuer.token().subject("agent-" + UUID.randomUUID()).roles(Roles.AGENT).build();
		String[] sameDatabaseAndBudgets = Stream
			.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
					"crm.rate-limit.window", "crm.rate-limit.requests.per-role.agent")
			.map((name) -> "--" + name + "=" + environment.getProperty(name))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(CustomerInventoryApplication.class)
			.initializers(new TestIssuerProperties(), new NoBackgroundDelivery())
			.run(Stream.concat(Stream.of("--server.port=0"), Stream.of(sameDatabaseAndBudgets))
				.toArray(String[]::new))) {
			RestTestClient otherInstance = RestTestClient.bindToServer()
				.baseUrl("http://localhost:" + other.getEnvironment().getProperty("local.server.port"))
				.build();
			String warmUp = issuer.token().subject("agent-" + UUID.randomUUID()).roles(Roles.AGENT).build();
			get(otherInstance, CUSTOMERS, warmUp);

			get(CUSTOMERS, agent).expectStatus().isOk();
			get(otherInstance, CUSTOMERS, agent).expectStatus()
				.isOk()
				.expectHeader()
				.value("RateLimit", (value) -> assertThat(value).startsWith("\"default\";r=1;"));
			get(CUSTOMERS, agent).expectStatus().isOk();
			get(otherInstance, CUSTOMERS, agent).expectStatus().isEqualTo(429);
		}
	}

	@Test
	void servesEveryoneWhenTheBudgetStoreFailsAndCountsAgainOnceItIsBack(@Autowired JdbcTemplate jdbc)
			throws InterruptedException {
		String agent = issuer.token().subject("agent-" + UUID.randomUUID()).roles(Roles.AGENT).build();
		jdbc.execute("alter table rate_limit_bucket rename to rate_limit_bucket_away");
		try {
			for (int i = 0; i < 5; i++) {
				get(CUSTOMERS, agent).expectStatus().isOk().expectHeader().doesNotExist("RateLimit");
			}
		}
		finally {
			jdbc.execute("alter table rate_limit_bucket_away rename to rate_limit_bucket");
		}
		Thread.sleep(1_100);
		get(CUSTOMERS, agent).expectStatus().isOk().expectHeader().valueEquals("RateLimit", "\"default\";r=2;t=1");
	}

	private RestTestClient.ResponseSpec get(String uri, String token) {
		return get(this.client, uri, token);
	}

	private static RestTestClient.ResponseSpec get(RestTestClient instance, String uri, String token) {
		return instance.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
