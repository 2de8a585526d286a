package org.crmbackoffice.inventory.customer;

import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.party.PartyApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.DatabaseAtVersion;
import org.crmbackoffice.testsupport.JsonClient;
import org.crmbackoffice.testsupport.NoBackgroundDelivery;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.TestIssuerProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers stored before the TMF v5 types and parties (schema version 22) read in the v5
 * shape after the migrations: the party data each held inline is an individual or
 * organization of its own that the customer refers to, the listener registered then keeps
 * its v5 hub, and the audit trail written then still verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = { CustomerMigrationTests.InventoryWrittenBeforeV5Types.class,
		TestIssuerProperties.class, NoBackgroundDelivery.class })
class CustomerMigrationTests {

	private static final String CUSTOMER = "7c000000-0000-4000-8000-000000000001";

	private static final String ORGANIZATION_CUSTOMER = "7c000000-0000-4000-8000-000000000002";

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void readsACustomerStoredBeforeTheV5TypesInTheV5ShapeWithNothingLost() {
		JsonNode read = get(CustomerApi.BASE_PATH + "/" + CUSTOMER);

		JsonNode engaged = read.path("engagedParty");
		assertThat(engaged.path("@type").asString()).isEqualTo("PartyRef");
		assertThat(engaged.path("@referredType").asString()).isEqualTo("Individual");
		assertThat(engaged.path("name").asString()).isEqualTo("Grace Hopper");
		assertThat(engaged.path("href").asString())
			.isEqualTo(PartyApi.INDIVIDUAL_PATH + "/" + engaged.path("id").asString());
		assertThat(read.path("engagedPartyResolution").asString()).isEqualTo("held");
		JsonNode grace = get(engaged.path("href").asString());
		assertThat(grace.path("givenName").asString()).isEqualTo("Grace");
		assertThat(grace.path("familyName").asString()).isEqualTo("Hopper");
		assertThat(grace.path("birthDate").asString()).isEqualTo("1906-12-09T00:00:00Z");
		JsonNode mobile = read.path("contactMedium").get(0);
		assertThat(mobile.path("@type").asString()).isEqualTo("PhoneContactMedium");
		assertThat(mobile.path("mediumType").asString()).isEqualTo("mobile");
		assertThat(mobile.path("phoneNumber").asString()).isEqualTo("+447700900321");
		JsonNode address = read.path("contactMedium").get(1);
		assertThat(address.path("@type").asString()).isEqualTo("GeographicAddressContactMedium");
		assertThat(address.path("country").asString()).isEqualTo("GB");
		assertThat(read.path("account").get(0).path("@type").asString()).isEqualTo("AccountRef");
		assertThat(read.path("account").get(0).path("id").asString()).isEqualTo("ACC-7");
		JsonNode manager = read.path("relatedParty").get(0);
		assertThat(manager.path("@type").asString()).isEqualTo("RelatedPartyOrPartyRole");
		assertThat(manager.path("partyOrPartyRole").path("@type").asString()).isEqualTo("PartyRef");
		assertThat(this.jdbc.queryForObject("select api_version from hub_listener", String.class)).isEqualTo("v5");
	}

	@Test
	void turnsAnOrganizationHeldInlineIntoAnOrganizationWithItsRegistrationsAndFormerId() {
		JsonNode customer = get(CustomerApi.BASE_PATH + "/" + ORGANIZATION_CUSTOMER);
		assertThat(customer.path("engagedParty").path("@referredType").asString()).isEqualTo("Organization");

		JsonNode organization = get(customer.path("engagedParty").path("href").asString());
		assertThat(organization.path("name").asString()).isEqualTo("Harbour Freight Ltd");
		assertThat(organization.path("tradingName").asString()).isEqualTo("Harbour Freight");
		assertThat(organization.path("organizationType").asString()).isEqualTo("company");
		JsonNode registration = organization.path("organizationIdentification").get(0);
		assertThat(registration.path("@type").asString()).isEqualTo("OrganizationIdentification");
		assertThat(registration.path("identificationType").asString()).isEqualTo("companyRegistration");
		assertThat(registration.path("identificationId").asString()).isEqualTo("04512398");
		assertThat(registration.path("country").asString()).isEqualTo("GB");
		assertThat(registration.path("validFor").path("startDateTime").asString()).isEqualTo("2001-05-01T00:00:00Z");
		assertThat(organization.path("externalReference").get(0).path("id").asString()).isEqualTo("org-77");
		assertThat(this.jdbc.queryForObject("select count(*) from party", Integer.class)).isEqualTo(2);
	}

	@Test
	void theAuditTrailWrittenBeforeTheMigrationStillVerifies() {
		JsonNode verification = this.json.readTree(this.client.get()
			.uri("/inventory/v1/audit/verify")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AUDITOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());

		assertThat(verification.path("status").asString()).isEqualTo("ok");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where chain = 'change'", Integer.class))
			.isGreaterThanOrEqualTo(2);
	}

	private JsonNode get(String path) {
		return new JsonClient(this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.build(), this.json).get(path);
	}

	/**
	 * A database at schema version 22 holding a customer as the inventory stored it then,
	 * migrated on start-up.
	 */
	static class InventoryWrittenBeforeV5Types extends DatabaseAtVersion {

		InventoryWrittenBeforeV5Types() {
			super("inventory_migration", "22");
		}

		@Override
		protected void fill(JdbcTemplate jdbc) {
			jdbc.update("""
					insert into customer (id, version, name, name_normalized, status, engaged_party_name,
					    engaged_party_type, given_name, family_name, birth_date, created_at, updated_at, created_by,
					    updated_by)
					values (?::uuid, 0, 'Grace Hopper', 'grace hopper', 'approved', 'Grace Hopper', 'Individual',
					    'Grace', 'Hopper', '1906-12-09', now(), now(), 'steward', 'steward')""", CUSTOMER);
			jdbc.update("""
					insert into customer_contact_medium (customer_id, position, medium_type, preferred, phone_number,
					    phone_normalized, street1, city, post_code, country)
					values (?::uuid, 0, 'mobile', true, '+447700900321', '+447700900321', null, null, null, null),
					       (?::uuid, 1, 'postalAddress', false, null, null, '1 Navy Row', 'Portsmouth', 'PO1 3LJ',
					        'GB')""", CUSTOMER, CUSTOMER);
			jdbc.update("""
					insert into customer_account (customer_id, position, ref_id, referred_type)
					values (?::uuid, 0, 'ACC-7', 'BillingAccount')""", CUSTOMER);
			jdbc.update("""
					insert into customer_related_party (customer_id, position, role, ref_id, referred_type)
					values (?::uuid, 0, 'account manager', 'emp-3', 'Individual')""", CUSTOMER);
			jdbc.update("""
					insert into customer (id, version, name, name_normalized, status, engaged_party_id,
					    engaged_party_name, engaged_party_type, trading_name, organization_type, created_at,
					    updated_at, created_by, updated_by)
					values (?::uuid, 0, 'Harbour Freight', 'harbour freight', 'approved', 'org-77',
					    'Harbour Freight Ltd', 'Organization', 'Harbour Freight', 'company', now(), now(), 'steward',
					    'steward')""", ORGANIZATION_CUSTOMER);
			jdbc.update("""
					insert into customer_party_identification (customer_id, position, identification_type,
					    identification_id, issuing_authority, country, valid_from)
					values (?::uuid, 0, 'companyRegistration', '04512398', 'Companies House', 'GB',
					    '2001-05-01T00:00:00Z')""", ORGANIZATION_CUSTOMER);
			HandWrittenTrail.appendCreates(jdbc, CUSTOMER, ORGANIZATION_CUSTOMER);
			jdbc.update("""
					insert into hub_listener (id, callback, query, secret, status, created_at, created_by)
					values (gen_random_uuid(), 'https://listener.example.org/events', null, 'whsec_x', 'active', now(),
					    'admin')""");
		}

	}

}
