package org.crmbackoffice.interactions.customer;

/** What the customer inventory said about the customers an interaction names. */
public enum CustomerVerification {

	/** It knows every one of them (or none is named). */
	VERIFIED,
	/** It could not be asked: down, too slow, or its circuit is open. */
	UNAVAILABLE

}
