package org.crmbackoffice.inventory.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What stewards do with the audits: accept exceptions that later runs leave alone, record
 * verifications, and merge duplicates so that everything stays reachable from the
 * survivor.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.quality.chunk-size=3")
class ManualAuditTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	private QualityApi api;

	@BeforeEach
	void newSource() {
		this.api = new QualityApi(this.client, this.jdbc);
	}

	@Test
	void anAcceptedExceptionStaysAcceptedWhileAResolvedButUnfixedFindingOpensAgain() {
		int n = QualityApi.next();
		String customer = this.api.create("Xavier Exception", QualityApi.individual("Xavier", "Exception", null),
				List.of(QualityApi.email("xavier" + n + "@example.c"), QualityApi.mobile(QualityApi.phone(n))), null);
		this.api.auditAndWait();
		JsonNode birthDate = this.api.finding(customer, "party-data-required");
		JsonNode email = this.api.finding(customer, "email-invalid");

		this.api.patch(birthDate.get("href").asString(), Map.of("status", "accepted"), 400);
		this.api.patch(birthDate.get("href").asString(), Map.of("status", "accepted", "reason", "misspelt"), 400);
		this.api.patch(birthDate.get("href").asString(), Map.of("statusReason", "no status given"), 400);
		JsonNode accepted = this.api.patch(birthDate.get("href").asString(),
				Map.of("status", "accepted", "statusReason", "prepaid customer, no birth date collected"), 200);
		this.api.patch(email.get("href").asString(), Map.of("status", "resolved", "statusReason", "fixed, I think"),
				200);
		this.api.auditAndWait();

		JsonNode stillAccepted = this.api.get(birthDate.get("href").asString());
		assertThat(stillAccepted.get("status").asString()).isEqualTo("accepted");
		assertThat(stillAccepted.get("statusReason").asString()).isEqualTo("prepaid customer, no birth date collected");
		assertThat(stillAccepted.get("statusChangedBy").asString()).isNotBlank();
		assertThat(stillAccepted.get("lastRunId").asString()).isNotEqualTo(accepted.get("lastRunId").asString());
		assertThat(this.api.get(email.get("href").asString()).get("status").asString()).isEqualTo("open");
		assertThat(this.api.openRules(customer)).containsExactly("email-invalid");
	}

	@Test
	void aVerificationResetsStalenessAndADisputeIsAFinding() {
		String customer = this.api.clean("Vera", "Verified", "1966-06-06");
		this.api.sql("update customer set updated_at = now() - interval '2 years' where id = ?::uuid", customer);
		this.api.auditAndWait();
		assertThat(this.api.openRules(customer)).containsExactly("not-verified");

		JsonNode verified = this.api.post(QualityApi.BASE + "/verification",
				Map.of("customerId", customer, "outcome", "verified", "note", "called the customer"), 201);
		assertThat(verified.get("verifiedBy").asString()).isNotBlank();
		assertThat(this.api.openRules(customer)).isEmpty();
		this.api.post(QualityApi.BASE + "/verification",
				Map.of("customerId", customer, "outcome", "disputed", "note", "customer says the address is wrong"),
				201);
		this.api.post(QualityApi.BASE + "/verification", Map.of("customerId", customer, "outcome", "maybe"), 400);
		this.api.post(QualityApi.BASE + "/verification",
				Map.of("customerId", "00000000-0000-4000-8000-000000000000", "outcome", "verified"), 422);
		this.api.auditAndWait();

		assertThat(this.api.openRules(customer)).containsExactly(QualityRules.MANUAL_AUDIT);
		assertThat(this.api.finding(customer, QualityRules.MANUAL_AUDIT).get("message").asString())
			.contains("customer says the address is wrong");
		assertThat(this.api.get(QualityApi.BASE + "/verification?customerId=" + customer)).hasSize(2);
	}

	@Test
	void aMergeLeavesEverythingReachableFromTheSurvivorAndRedirectsTheMergedId() {
		int n = QualityApi.next();
		String sharedEmail = QualityApi.email(n);
		String survivor = this.api.create("Martha Survivor", QualityApi.individual("Martha", "Survivor", "1970-07-07"),
				List.of(QualityApi.email(sharedEmail), QualityApi.mobile(QualityApi.phone(n))), null);
		this.api.patch(CustomerApi.BASE_PATH + "/" + survivor, Map.of("characteristic",
				List.of(Map.of("name", "preferredLanguage", "valueType", "string", "value", "en"))), 200);
		Map<String, Object> mergedParty = QualityApi.individual("Martha", "Survivor", "1970-07-07");
		mergedParty.put("identification", List.of(Map.of("identificationType", "passport", "identificationId", "P" + n,
				"issuingAuthority", "HM Passport Office", "country", "GB")));
		String merged = this.api.post(CustomerApi.BASE_PATH,
				Map.ofEntries(Map.entry("name", "Martha Survivor"), Map.entry("engagedParty", mergedParty),
						Map.entry("characteristic",
								List.of(Map.of("name", "preferredLanguage", "valueType", "string", "value", "fr"),
										Map.of("name", "segment", "valueType", "string", "value", "residential"))),
						Map.entry("creditProfile",
								List.of(Map.of("creditProfileDate", "2026-03-01T09:00:00Z", "creditRiskRating", 2,
										"creditScore", 712))),
						Map.entry("contactMedium",
								List.of(QualityApi.email(sharedEmail.toUpperCase()),
										QualityApi.mobile(QualityApi.phone(QualityApi.next())),
										QualityApi.postal("2 Merge Mews", "N1 9GU"))),
						Map.entry("account", List.of(Map.of("id", "acc-" + n, "@referredType", "BillingAccount"))),
						Map.entry("paymentMethod", List.of(Map.of("id", "pm-" + n, "@referredType", "PaymentMethod"))),
						Map.entry("relatedParty",
								List.of(Map.of("role", "guarantor", "partyOrPartyRole",
										Map.of("id", "party-" + n, "@referredType", "Individual")))),
						Map.entry("dataSource", this.api.source)),
				201)
			.get("id")
			.asString();
		String contract = this.api
			.post(AgreementApi.BASE_PATH,
					Map.of("name", "Broadband", "agreementType", "commercial", "engagedParty", List.of(Map.of("role",
							"customer", "partyOrPartyRole", Map.of("id", merged, "@referredType", "Customer")))),
					201)
			.get("id")
			.asString();
		this.api.auditAndWait();
		assertThat(this.api.openRules(survivor)).contains("duplicate-email", "similar-name-same-birth-date");

		JsonNode merge = this.api.post(QualityApi.BASE + "/merge",
				Map.of("survivorId", survivor, "mergedId", merged, "note", "same person, fed twice"), 201);

		assertThat(merge.get("contactMediaMoved").asInt()).isEqualTo(2);
		assertThat(merge.get("referencesMoved").asInt()).isEqualTo(3);
		assertThat(merge.get("partyDetailsMoved").asInt()).isEqualTo(3);
		assertThat(merge.get("agreementsMoved").asInt()).isEqualTo(1);
		JsonNode record = this.api.get(merge.get("href").asString());
		assertThat(record.get("merged").get("id").asString()).isEqualTo(merged);
		assertThat(record.get("survivor").get("id").asString()).isEqualTo(survivor);
		assertThat(record.get("mergedBy").asString()).isNotBlank();
		assertThat(record.get("mergedAt").asString()).isNotBlank();

		JsonNode after = this.api.get(CustomerApi.BASE_PATH + "/" + survivor);
		List<String> media = new ArrayList<>();
		after.get("contactMedium").forEach((medium) -> media.add(medium.get("mediumType").asString()));
		assertThat(media).containsExactly("email", "mobile", "mobile", "postalAddress");
		assertThat(after.get("account").get(0).get("id").asString()).isEqualTo("acc-" + n);
		assertThat(after.get("paymentMethod").get(0).get("id").asString()).isEqualTo("pm-" + n);
		assertThat(after.get("relatedParty").get(0).get("role").asString()).isEqualTo("guarantor");
		assertThat(after.get("agreement").get(0).get("id").asString()).isEqualTo(contract);
		JsonNode survivorParty = this.api.get(after.get("engagedParty").get("href").asString());
		assertThat(survivorParty.get("individualIdentification").get(0).get("identificationId").asString())
			.isEqualTo("P" + n);
		List<String> characteristics = new ArrayList<>();
		after.get("characteristic")
			.forEach(
					(trait) -> characteristics.add(trait.get("name").asString() + "=" + trait.get("value").asString()));
		assertThat(characteristics).containsExactly("preferredLanguage=en", "segment=residential");
		assertThat(after.get("creditProfile").get(0).get("creditScore").asInt()).isEqualTo(712);
		JsonNode agreement = this.api.get(AgreementApi.BASE_PATH + "/" + contract);
		assertThat(agreement.get("engagedParty").get(0).get("partyOrPartyRole").get("id").asString())
			.isEqualTo(survivor);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where record_id = ?::uuid "
						+ "and operation = 'agreement.update' and via = ?",
				Integer.class, survivor, "Agreement/" + contract))
			.as("the agreement's move in the survivor's audit trail")
			.isEqualTo(1);

		this.client.get()
			.uri(CustomerApi.BASE_PATH + "/" + merged)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.exchange()
			.expectStatus()
			.isPermanentRedirect()
			.expectHeader()
			.value(HttpHeaders.LOCATION,
					(location) -> assertThat(location).endsWith(CustomerApi.BASE_PATH + "/" + survivor));
		String closedReason = this.jdbc.queryForObject(
				"select status || ': ' || status_reason from customer where id = ?::uuid", String.class, merged);
		assertThat(closedReason).isEqualTo("closed: merged into " + survivor);
		assertThat(this.api.openRules(survivor)).doesNotContain("duplicate-email", "similar-name-same-birth-date");
		assertThat(this.api.openRules(merged)).isEmpty();
		this.api.post(QualityApi.BASE + "/merge", Map.of("survivorId", survivor, "mergedId", merged), 409);
	}

}
