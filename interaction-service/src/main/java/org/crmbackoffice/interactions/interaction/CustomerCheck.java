package org.crmbackoffice.interactions.interaction;

import java.util.Locale;

/** Whether the customer inventory confirmed the customers an interaction names. */
enum CustomerCheck {

	/** Every customer was confirmed (or none is named). */
	VERIFIED,
	/** The inventory could not be asked; the check is retried until it answers. */
	PENDING,
	/** The inventory, asked later, knows at least one of the customers not. */
	REJECTED;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
