package org.crmbackoffice.inventory.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The automated rules, with their defaults overridden by {@code crm.quality.rules}. A
 * rule's query reads the chunk's customers from {@code chunk_customer}, their parties
 * from {@code chunk_party} and their contact media from {@code chunk_medium}
 * (QualityChunks); rules without a query are checked in Java. Closed customers are
 * history: only the consistency rules check them. Erased customers are not checked at
 * all.
 */
@Component
class QualityRules {

	static final List<String> SEVERITIES = List.of("low", "medium", "high");

	static final String PHONE_INVALID = "phone-invalid";

	static final String EMAIL_INVALID = "email-invalid";

	/**
	 * The rule that compares names within the blocks of customers born the same day
	 * (quality_birth_block), which each run's planning brings up to date. Its threshold
	 * is also pg_trgm's similarity threshold for the chunk's statement, by which the
	 * block's trigram index finds the names to compare.
	 */
	static final String SIMILAR_NAME_SAME_BIRTH_DATE = "similar-name-same-birth-date";

	/**
	 * Findings stewards record by hand (a disputed verification), apart from the
	 * automated rules.
	 */
	static final String MANUAL_AUDIT = "manual-audit";

	/**
	 * Local part and domain labels as RFC 5321 allows them in practice, with an
	 * alphabetic top-level domain.
	 */
	static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
			+ "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

	/**
	 * Post codes of the countries whose format is checked; other countries' codes are
	 * taken as they are.
	 */
	static final Map<String, String> POST_CODE_PATTERNS = Map.of("GB", "^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$",
			"FR", "^[0-9]{5}$", "DE", "^[0-9]{5}$", "US", "^[0-9]{5}(-[0-9]{4})?$");

	static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	private static final String OPEN = "c.status <> 'closed'";

	private static final List<QualityRule> DEFAULTS = List.of(
			new QualityRule("contact-medium-required", QualityRule.COMPLETENESS,
					"No email address or phone number to reach the customer", true, "high", null,
					"""
							select c.id, '', 'contactMedium', 'has no email address or phone number', null::uuid
							from chunk_customer c where %s and not exists (select 1 from chunk_medium m
							    where m.customer_id = c.id and (m.email_address is not null or m.phone_number is not null))"""
						.formatted(OPEN)),
			new QualityRule("name-parts-required", QualityRule.COMPLETENESS,
					"An individual without given or family name, an organization without name", true, "high", null,
					"""
							select c.id, 'givenName', 'engagedParty.givenName', 'an individual without a given name', null::uuid
							from chunk_customer c join chunk_party p on p.id = c.party_id
							where %1$s and p.party_type = 'Individual' and coalesce(btrim(p.given_name), '') = ''
							union all
							select c.id, 'familyName', 'engagedParty.familyName', 'an individual without a family name', null::uuid
							from chunk_customer c join chunk_party p on p.id = c.party_id
							where %1$s and p.party_type = 'Individual' and coalesce(btrim(p.family_name), '') = ''
							union all
							select c.id, 'name', 'engagedParty.name', 'an organization without a name', null::uuid
							from chunk_customer c join chunk_party p on p.id = c.party_id
							where %1$s and p.party_type = 'Organization' and coalesce(btrim(p.name), '') = ''"""
						.formatted(OPEN)),
			new QualityRule("party-unresolved", QualityRule.COMPLETENESS,
					"The customer refers to a party held in another system, whose data this inventory cannot check",
					true, "low", null,
					"""
							select c.id, 'engagedParty', 'engagedParty.id',
							       'refers to ' || coalesce(c.engaged_party_referred_type, 'party') || ' '
							       || c.engaged_party_id || ', which this inventory does not hold', null::uuid
							from chunk_customer c where %s and c.party_id is null and c.engaged_party_id is not null"""
						.formatted(OPEN)),
			new QualityRule("party-data-required", QualityRule.COMPLETENESS,
					"No engaged party, an individual without birth date, an organization without registration", true,
					"medium", null,
					"""
							select c.id, 'engagedParty', 'engagedParty', 'the customer engages no party', null::uuid
							from chunk_customer c where %1$s and c.engaged_party_id is null
							union all
							select c.id, 'birthDate', 'engagedParty.birthDate', 'an individual without a birth date', null::uuid
							from chunk_customer c join chunk_party p on p.id = c.party_id
							where %1$s and p.party_type = 'Individual' and p.birth_date is null
							union all
							select c.id, 'identification', 'engagedParty.organizationIdentification',
							       'an organization without any registration or other identification', null::uuid
							from chunk_customer c join chunk_party p on p.id = c.party_id
							where %1$s and p.party_type = 'Organization'
							  and jsonb_array_length(coalesce(p.document -> 'organizationIdentification', '[]'::jsonb)) = 0"""
						.formatted(OPEN)),
			new QualityRule(EMAIL_INVALID, QualityRule.VALIDITY,
					"An email address that is not one (syntax, domain with an alphabetic top-level domain)", true,
					"medium", null, null),
			new QualityRule(PHONE_INVALID, QualityRule.VALIDITY,
					"A phone number that does not read as an assigned number of its country (E.164)", true, "medium",
					null, null),
			new QualityRule("country-invalid", QualityRule.VALIDITY,
					"A postal address without an ISO 3166-1 alpha-2 country code", true, "medium", null,
					"""
							select c.id, 'contactMedium[' || m.position || ']', 'contactMedium[' || m.position || '].country',
							       'country ''' || coalesce(m.country, '') || ''' is not an ISO 3166-1 alpha-2 code', null::uuid
							from chunk_customer c join chunk_medium m on m.customer_id = c.id
							where %s and m.medium_type = 'postalAddress'
							  and (m.country is null or m.country not in (:countries))"""
						.formatted(OPEN)),
			new QualityRule("postcode-invalid", QualityRule.VALIDITY,
					"A post code missing or not in its country's format (GB, FR, DE, US)", true, "low", null,
					"""
							select c.id, 'contactMedium[' || m.position || ']', 'contactMedium[' || m.position || '].postCode',
							       'post code ''' || coalesce(m.post_code, '') || ''' is not a ' || m.country || ' post code', null::uuid
							from chunk_customer c join chunk_medium m on m.customer_id = c.id
							where %s and m.medium_type = 'postalAddress' and m.country in ('GB', 'FR', 'DE', 'US')
							  and (m.post_code is null or upper(btrim(m.post_code)) !~ case m.country when 'GB' then :postCodeGB
							       when 'FR' then :postCodeFR when 'DE' then :postCodeDE else :postCodeUS end)"""
						.formatted(OPEN)),
			new QualityRule("dates-out-of-order", QualityRule.VALIDITY,
					"A validity that ends before it starts, or a birth date not before the record's creation or before 1900",
					true, "medium", null,
					"""
							select c.id, 'validFor', 'validFor', 'the customer''s validity ends before it starts', null::uuid
							from chunk_customer c where %1$s and c.valid_to < c.valid_from
							union all
							select c.id, 'birthDate', 'engagedParty.birthDate',
							       'birth date ' || p.birth_date || ' is not a plausible birth date', null::uuid
							from chunk_customer c join chunk_party p on p.id = c.party_id
							where %1$s
							  and (p.birth_date >= p.created_at::date or p.birth_date < date '1900-01-01')
							union all
							select c.id, 'contactMedium[' || m.position || ']', 'contactMedium[' || m.position || '].validFor',
							       'a contact medium''s validity ends before it starts', null::uuid
							from chunk_customer c join chunk_medium m on m.customer_id = c.id
							where %1$s and m.valid_to < m.valid_from"""
						.formatted(OPEN)),
			new QualityRule("closed-with-agreements-in-force", QualityRule.CONSISTENCY,
					"A closed customer with active or suspended agreements", true, "high", null, """
							select c.id, a.id::text, 'status,agreement',
							       'closed, but agreement ' || a.id || ' is ' || a.status, null::uuid
							from chunk_customer c join agreement a on a.customer_id = c.id
							where c.status = 'closed' and a.status in ('active', 'suspended')"""),
			new QualityRule("agreement-outside-validity", QualityRule.CONSISTENCY,
					"An agreement valid before the customer is or after it ends", true, "medium", null, """
							select c.id, a.id::text, 'validFor,agreement',
							       'agreement ' || a.id || ' is valid outside the customer''s validity', null::uuid
							from chunk_customer c join agreement a on a.customer_id = c.id
							where ((c.valid_from is not null and a.valid_from < c.valid_from)
							    or (c.valid_to is not null and (a.valid_to is null or a.valid_to > c.valid_to)))"""),
			new QualityRule("contact-media-expired", QualityRule.CONSISTENCY,
					"An open customer whose contact media have all expired", true, "medium", null, """
							select c.id, '', 'contactMedium.validFor', 'every contact medium has expired', null::uuid
							from chunk_customer c where %s
							  and exists (select 1 from chunk_medium m where m.customer_id = c.id)
							  and not exists (select 1 from chunk_medium m where m.customer_id = c.id
							      and (m.valid_to is null or m.valid_to > :now))""".formatted(OPEN)),
			new QualityRule("not-verified", QualityRule.STALENESS,
					"Not verified by a steward (or, never verified, not changed) for threshold days", true, "low",
					365.0,
					"""
							select c.id, '', 'lastVerification',
							       'not verified since ' || to_char(coalesce(v.verified_at, c.updated_at), 'YYYY-MM-DD'), null::uuid
							from chunk_customer c left join lateral (select max(q.verified_at) as verified_at
							    from quality_verification q where q.customer_id = c.id and q.outcome in ('verified', 'corrected')) v on true
							where %s and coalesce(v.verified_at, c.updated_at) < :staleBefore"""
						.formatted(OPEN)),
			sharedContact("duplicate-email",
					"Another open customer with the same email address (case and accents ignored)", "email_normalized",
					"emailAddress", "email address"),
			sharedContact("duplicate-phone", "Another open customer with the same phone number (E.164)",
					"phone_normalized", "phoneNumber", "phone number"),
			new QualityRule(SIMILAR_NAME_SAME_BIRTH_DATE, QualityRule.DUPLICATES,
					"Another open customer born the same day whose name is similar (pg_trgm similarity >= threshold)",
					true, "medium", 0.6,
					"""
							select s.id, o.id::text, 'name,engagedParty.birthDate',
							       'named like customer ' || o.id || ' (' || o.name || ') and born the same day', o.id
							-- The similar names found in the block first, by its trigram index (%%, at the
							-- threshold), then looked up as they are now, each part kept apart (offset 0):
							-- PostgreSQL cannot tell how few names are similar, and would read all customers
							-- to look them up.
							from (select c.id, c.name_normalized, p.birth_date, b.customer_id as other
							      from chunk_customer c join chunk_party p on p.id = c.party_id
							      join quality_birth_block b on b.birth_date = p.birth_date
							          and b.name_normalized %% c.name_normalized and b.customer_id <> c.id
							      where %s and p.birth_date is not null
							        and similarity(c.name_normalized, b.name_normalized) >= :threshold offset 0) s
							cross join lateral (select o.id, o.name from customer o join party op on op.id = o.party_id
							    where o.id = s.other and o.status <> 'closed' and o.erased_at is null
							      and op.birth_date = s.birth_date
							      and similarity(s.name_normalized, o.name_normalized) >= :threshold offset 0) o"""
						.formatted(OPEN)),
			new QualityRule("similar-name-same-address", QualityRule.DUPLICATES,
					"Another open customer at the same postal address whose name is similar (pg_trgm similarity >= threshold)",
					true, "medium", 0.6,
					"""
							select c.id, o.id::text, 'name,contactMedium[' || a.position || ']',
							       'named like customer ' || o.id || ' (' || o.name || ') at the same address', o.id
							from chunk_customer c join chunk_medium a on a.customer_id = c.id
							-- Lateral and kept apart (offset 0), so that each address is looked up in the
							-- address index rather than the index read whole for the chunk.
							cross join lateral (select b.customer_id from customer_contact_medium b
							    where upper(regexp_replace(b.post_code, '\\s', '', 'g')) = upper(regexp_replace(a.post_code, '\\s', '', 'g'))
							      and lower(b.street1) = lower(a.street1) and b.customer_id <> c.id
							      and b.post_code is not null and b.street1 is not null offset 0) b
							join customer o on o.id = b.customer_id and o.status <> 'closed' and o.erased_at is null
							where %s and a.post_code is not null and a.street1 is not null
							  and similarity(c.name_normalized, o.name_normalized) >= :threshold"""
						.formatted(OPEN)));

	private final List<QualityRule> rules;

	QualityRules(QualityProperties properties) {
		Map<String, QualityRule> byId = new LinkedHashMap<>();
		for (QualityRule rule : DEFAULTS) {
			byId.put(rule.id(), rule.with(properties.rules().get(rule.id())));
		}
		List<String> unknown = new ArrayList<>(properties.rules().keySet());
		unknown.removeAll(byId.keySet());
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("crm.quality.rules names no such rule: " + unknown);
		}
		this.rules = List.copyOf(byId.values());
	}

	List<QualityRule> all() {
		return this.rules;
	}

	List<QualityRule> enabled() {
		return this.rules.stream().filter(QualityRule::enabled).toList();
	}

	Optional<QualityRule> find(String id) {
		return this.rules.stream().filter((rule) -> rule.id().equals(id)).findFirst();
	}

	/**
	 * A duplicate found by a contact medium another open customer has too, compared in
	 * its normalised form.
	 * @param column the normalised column of customer_contact_medium
	 * @param attribute the contact medium's attribute the finding names
	 */
	private static QualityRule sharedContact(String id, String description, String column, String attribute,
			String noun) {
		return new QualityRule(id, QualityRule.DUPLICATES, description, true, "high", null, """
				select c.id, o.customer_id::text, 'contactMedium[' || m.position || '].%2$s',
				       'shares the %3$s ' || m.%1$s || ' with customer ' || o.customer_id,
				       o.customer_id
				from chunk_customer c join chunk_medium m on m.customer_id = c.id
				join customer_contact_medium o on o.%1$s = m.%1$s and o.customer_id <> c.id
				join customer oc on oc.id = o.customer_id and oc.status <> 'closed' and oc.erased_at is null
				where %4$s and m.%1$s is not null""".formatted(column, attribute, noun, OPEN));
	}

}
