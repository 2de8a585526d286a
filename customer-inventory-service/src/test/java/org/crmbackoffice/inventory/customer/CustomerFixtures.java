package org.crmbackoffice.inventory.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;

/** Customers as a CRM front end would send them. */
final class CustomerFixtures {

	private CustomerFixtures() {
	}

	static CustomerCreate individual(String name, String email) {
		String[] names = name.split(" ", 2);
		return new CustomerCreate(name, "Residential customer",
				new TimePeriod(OffsetDateTime.parse("2025-01-01T00:00:00+01:00"), null),
				EngagedParty.individual(names[0], names[1], LocalDate.of(1980, 5, 17)),
				List.of(ContactMedium.email(email),
						new ContactMedium(ContactMedium.MOBILE, "personal", false, null, null, "+447700900123", null,
								null, null, null, null, null)),
				List.of(new Characteristic("preferredLanguage", "string", "en")), null, null, null, null);
	}

	/**
	 * A customer in London reachable by email and by a mobile number written as the
	 * client likes; a national number is read as one of the country of the postal
	 * address.
	 */
	static CustomerCreate reachable(String name, String email, String mobile, TimePeriod validFor) {
		return new CustomerCreate(name, null, validFor, EngagedParty.organization(name, List.of()),
				List.of(ContactMedium.email(email),
						new ContactMedium(ContactMedium.MOBILE, null, false, null, null, mobile, null, null, null, null,
								null, null),
						new ContactMedium(ContactMedium.POSTAL_ADDRESS, null, false, null, null, null, "1 Strand", null,
								"London", "WC2N 5HR", null, "GB")),
				null, null, null, null, null);
	}

}
