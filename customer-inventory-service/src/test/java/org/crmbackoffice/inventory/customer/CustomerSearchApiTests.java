package org.crmbackoffice.inventory.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Finding customers in the list: TMF630 filters, free-text search that ignores case,
 * accents and the way a phone number is written, sort, attribute selection, and the
 * problems of a list request that cannot be answered. Each test names its customers with
 * a tag of its own, because the database is shared with the other API tests.
 */
@ApiIntegrationTest
class CustomerSearchApiTests {

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private static final TimePeriod FROM_2025 = new TimePeriod(OffsetDateTime.parse("2025-01-01T00:00:00Z"), null);

	private final String tag = tag();

	RestTestClient client;

	@Autowired
	void authenticateAsDataSteward(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.build();
	}

	@Test
	void searchFindsNamesEmailsAndPhoneNumbersHoweverTheyAreWritten() {
		String subscriber = randomSubscriber();
		Customer zoe = create(CustomerFixtures.reachable("Zoë Ñúñez-" + this.tag,
				"Zoe.Nunez." + this.tag + "@Example.org", "07700 " + subscriber, FROM_2025));
		Customer other = create(CustomerFixtures.reachable("Zoe Other " + this.tag,
				"other." + this.tag + "@example.org", "+44 7700 " + randomSubscriber(), FROM_2025));

		assertThat(zoe.contactMedium().get(1).phoneNumber()).isEqualTo("+447700" + subscriber);
		assertThat(ids("q={q}", "NUNEZ-" + this.tag)).containsExactly(zoe.id());
		assertThat(ids("q={q}", "zoë ñúñez-" + this.tag.toUpperCase())).containsExactly(zoe.id());
		assertThat(ids("q={q}", "nunez." + this.tag + "@EXAMPLE")).containsExactly(zoe.id());
		assertThat(ids("q={q}", this.tag)).containsExactlyInAnyOrder(zoe.id(), other.id());
		for (String written : List.of("+44 7700 " + subscriber, "07700-" + subscriber, "(0)7700 " + subscriber,
				"+44 (0)7700 " + subscriber, "0044 7700 " + subscriber, "700 " + subscriber, subscriber)) {
			assertThat(ids("q={q}", written)).as(written).contains(zoe.id()).doesNotContain(other.id());
		}
	}

	@Test
	void searchListsTheBestMatchesFirstAndTheNewestAmongEquals() {
		Customer oldest = create(named(this.tag + " Montgomery-Fairweather"));
		Customer exact = create(named(this.tag));
		Customer newest = create(named(this.tag + " Montgomery-Fairweather"));

		assertThat(ids("q={q}", this.tag)).containsExactly(exact.id(), newest.id(), oldest.id());
		assertThat(ids("q={q}&sort={sort}", this.tag, "creationDate")).containsExactly(oldest.id(), exact.id(),
				newest.id());
	}

	@Test
	void filtersByStatusNameContactAndDates() {
		String phone = randomSubscriber();
		Customer first = create(CustomerFixtures.reachable("Émile Zola " + this.tag,
				"emile." + this.tag + "@example.org", "+44 7700 " + phone, new TimePeriod(
						OffsetDateTime.parse("2024-06-01T00:00:00Z"), OffsetDateTime.parse("2025-06-01T00:00:00Z"))));
		Customer second = create(CustomerFixtures.reachable("Second " + this.tag, "second." + this.tag + "@example.org",
				"+44 7700 " + randomSubscriber(), FROM_2025));
		Customer third = create(CustomerFixtures.reachable("Third " + this.tag, "third." + this.tag + "@example.org",
				"+44 7700 " + randomSubscriber(), new TimePeriod(OffsetDateTime.parse("2026-03-01T00:00:00Z"), null)));
		patch(second, "{\"status\": \"approved\"}");

		assertThat(ids("q={q}&status={s}", this.tag, "approved")).containsExactly(second.id());
		assertThat(ids("q={q}&status={s}", this.tag, "approved,initialized")).containsExactly(third.id(), second.id(),
				first.id());
		assertThat(ids("name={n}", "EMILE  ZOLA " + this.tag.toUpperCase())).containsExactly(first.id());
		assertThat(ids("name={n}", "Émile")).doesNotContain(first.id());
		assertThat(ids("contactMedium.emailAddress={e}", "Emile." + this.tag + "@EXAMPLE.ORG"))
			.containsExactly(first.id());
		assertThat(ids("contactMedium.phoneNumber={p}", "07700 " + phone)).containsExactly(first.id());
		assertThat(ids("q={q}&validFor.startDateTime.gt={t}", this.tag, "2025-01-01T00:00:00Z"))
			.containsExactly(third.id());
		assertThat(ids("q={q}&validFor.startDateTime.gte={t}", this.tag, "2025-01-01T01:00:00+01:00"))
			.containsExactly(third.id(), second.id());
		assertThat(ids("q={q}&validFor.startDateTime.lt={t}", this.tag, "2025-01-01T00:00:00Z"))
			.containsExactly(first.id());
		assertThat(ids("q={q}&validFor.endDateTime.lte={t}", this.tag, "2025-06-01T00:00:00Z"))
			.containsExactly(first.id());
		String created = second.creationDate().toString();
		assertThat(ids("q={q}&creationDate.gt={t}", this.tag, created)).containsExactly(third.id());
		assertThat(ids("q={q}&creationDate.gte={t}", this.tag, created)).containsExactly(third.id(), second.id());
		assertThat(ids("q={q}&creationDate.lt={t}", this.tag, created)).containsExactly(first.id());
		assertThat(ids("q={q}&creationDate.lte={t}&creationDate.gte={u}", this.tag, created,
				first.creationDate().toString()))
			.containsExactly(second.id(), first.id());
	}

	@Test
	void sortsSelectsFieldsAndCountsPages() {
		Customer bravo = create(named("bravo " + this.tag));
		Customer alpha = create(named("Álpha " + this.tag));
		Customer charlie = create(named("CHARLIE " + this.tag));

		assertThat(ids("q={q}&sort={s}", this.tag, "name")).containsExactly(alpha.id(), bravo.id(), charlie.id());
		assertThat(ids("q={q}&sort={s}", this.tag, "-name")).containsExactly(charlie.id(), bravo.id(), alpha.id());
		assertThat(ids("q={q}&sort={s}", this.tag, "-creationDate")).containsExactly(charlie.id(), alpha.id(),
				bravo.id());

		List<Map<String, Object>> page = this.client.get()
			.uri(CustomerApi.BASE_PATH + "?q={q}&sort=name&fields=name,status&offset=1&limit=1", this.tag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "3")
			.expectHeader()
			.valueEquals("X-Result-Count", "1")
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(page).singleElement()
			.satisfies((item) -> assertThat(item).containsOnlyKeys("id", "href", "@type", "name", "status")
				.containsEntry("id", bravo.id())
				.containsEntry("status", "initialized"));
	}

	@Test
	void partnerFindsOnlyItsOwnRecordWhateverItSearches() {
		Customer own = create(named("Partner Own " + this.tag));
		create(named("Partner Other " + this.tag));
		RestTestClient partner = this.client.mutate()
			.defaultHeaders((headers) -> headers
				.setBearerAuth(TestIssuer.shared().token().roles(Roles.PARTNER).partyId(own.id()).build()))
			.build();

		partner.get()
			.uri(CustomerApi.BASE_PATH + "?q={q}", this.tag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "1")
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(own.id()));
		partner.get()
			.uri(CustomerApi.BASE_PATH + "?status=approved")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "0");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|',
			value = { "colour=red                       | colour", "status=dormant                   | status",
					"status=approved,dormant          | status", "creationDate.gt=yesterday        | creationDate.gt",
					"creationDate.after=2026-01-01T00:00:00Z | creationDate.after",
					"validFor.startDateTime.gt=2026-01-01 | validFor.startDateTime.gt",
					"contactMedium.phoneNumber=call me | contactMedium.phoneNumber",
					"q=ab                             | q", "q=Éa                             | q",
					"sort=-height                     | sort", "sort=name,id                     | sort",
					"limit=0                          | limit", "offset=-1                        | offset",
					"q=nul\0byte                      | q" })
	void refusesWhatItCannotFilterOrSortByWithAProblemNamingTheParameter(String query, String parameter) {
		String[] nameAndValue = query.split("=", 2);
		this.client.get()
			.uri(CustomerApi.BASE_PATH + "?{name}={value}", nameAndValue[0], nameAndValue[1])
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:invalid-request")
			.jsonPath("$.errors[*].pointer")
			.isEqualTo(List.of(parameter));
	}

	@Test
	void keepsAPhoneNumberItCannotReadConfidentlyExactlyAsGivenAndFindsItByItsDigits() {
		Customer created = create("""
				{"name": "Odd Phone %s", "engagedParty": {"@type": "Organization", "tradingName": "Odd Phone Ltd"},
				 "contactMedium": [
				  {"mediumType": "mobile", "phoneNumber": "0770"},
				  {"mediumType": "phone", "phoneNumber": "+44 20 7946 0000"}]}""".formatted(this.tag));

		assertThat(created.contactMedium()).extracting(ContactMedium::phoneNumber)
			.containsExactly("0770", "+442079460000");
		assertThat(ids("contactMedium.phoneNumber={p}", "0770")).containsExactly(created.id());
		Customer changed = patch(created,
				"{\"contactMedium\": [{\"mediumType\": \"phone\", \"phoneNumber\": \"020 7946 0000\"}]}");
		assertThat(changed.contactMedium()).singleElement()
			.satisfies((medium) -> assertThat(medium.phoneNumber()).isEqualTo("+442079460000"));
	}

	@Test
	void readsANationalNumberInTheCountryOfTheCustomersPostalAddressNeverAsAnotherCountrysNumber() {
		Customer french = create("""
				{"name": "Clément %s", "engagedParty": {"@type": "Individual", "givenName": "Clément",
				                                        "familyName": "Roux"},
				 "contactMedium": [
				  {"mediumType": "phone", "phoneNumber": "01 09 75 83 51"},
				  {"mediumType": "postalAddress", "street1": "12 rue des Lilas", "city": "Paris",
				   "postCode": "75011", "country": "FR"}]}""".formatted(this.tag));
		Customer unplaced = create("""
				{"name": "Unplaced %s", "engagedParty": {"@type": "Organization", "tradingName": "Unplaced SARL"},
				 "contactMedium": [{"mediumType": "phone", "phoneNumber": "01 09 75 83 51"}]}""".formatted(this.tag));

		Customer writtenAsTmfV5 = create("""
				{"@type": "Customer", "name": "Club %s",
				 "engagedParty": {"@type": "Organization", "tradingName": "Club de la Lune"},
				 "contactMedium": [
				  {"@type": "PhoneContactMedium", "contactType": "homePhone", "phoneNumber": "01 09 75 83 51"},
				  {"@type": "GeographicAddressContactMedium", "contactType": "homeAddress", "city": "Paris",
				   "country": "France", "postCode": "75014", "street1": "15 Rue des Canards"}]}""".formatted(this.tag));

		assertThat(french.contactMedium().get(0).phoneNumber()).isEqualTo("+33109758351");
		assertThat(writtenAsTmfV5.contactMedium())
			.extracting(ContactMedium::type, ContactMedium::mediumType, ContactMedium::phoneNumber,
					ContactMedium::country)
			.containsExactly(tuple("PhoneContactMedium", "phone", "+33109758351", null),
					tuple("GeographicAddressContactMedium", "postalAddress", null, "France"));
		assertThat(unplaced.contactMedium().get(0).phoneNumber()).isEqualTo("01 09 75 83 51");
	}

	private Customer create(Object customer) {
		return this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(customer)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	private Customer patch(Customer customer, String patch) {
		return this.client.patch()
			.uri(customer.href())
			.contentType(MERGE_PATCH)
			.body(patch)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The ids the list answers, in its order; the query's values are encoded (a + stays a
	 * +).
	 */
	private List<String> ids(String query, Object... values) {
		return this.client.get()
			.uri(CustomerApi.BASE_PATH + "?limit=1000&" + query, values)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Customer>>() {
			})
			.returnResult()
			.getResponseBody()
			.stream()
			.map(Customer::id)
			.toList();
	}

	private static CustomerCreate named(String name) {
		return CustomerCreate.of(name, EngagedParty.organization(name, List.of()), List.of());
	}

	/**
	 * Six digits that, after 07700, make a mobile number no other test is likely to use.
	 */
	private static String randomSubscriber() {
		return "9" + ThreadLocalRandom.current().nextInt(10000, 100000);
	}

	private static String tag() {
		StringBuilder tag = new StringBuilder("tg");
		ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach((letter) -> tag.append((char) letter));
		return tag.toString();
	}

}
