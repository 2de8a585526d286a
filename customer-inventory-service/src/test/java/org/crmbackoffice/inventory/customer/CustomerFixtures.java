package org.crmbackoffice.inventory.customer;

import java.time.OffsetDateTime;
import java.util.List;

import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.customer.CustomerCreate;

/** Customers as a CRM front end would send them. */
final class CustomerFixtures {

	private CustomerFixtures() {
	}

	static CustomerCreate individual(String name, String email) {
		return new CustomerCreate(name, "Residential customer",
				new TimePeriod(OffsetDateTime.parse("2025-01-01T00:00:00+01:00"), null),
				new EntityRef("ind-" + name.toLowerCase().replace(' ', '-'), null, name, "Individual"),
				List.of(ContactMedium.email(email), new ContactMedium(ContactMedium.MOBILE, "personal", false, null, null,
						"+447700900123", null, null, null, null, null, null)),
				List.of(new Characteristic("preferredLanguage", "string", "en")));
	}

	/** A customer reachable by email and by a mobile number written as the client likes. */
	static CustomerCreate reachable(String name, String email, String mobile, TimePeriod validFor) {
		return new CustomerCreate(name, null, validFor, null, List.of(ContactMedium.email(email),
				new ContactMedium(ContactMedium.MOBILE, null, false, null, null, mobile, null, null, null, null, null, null)),
				List.of());
	}

}
