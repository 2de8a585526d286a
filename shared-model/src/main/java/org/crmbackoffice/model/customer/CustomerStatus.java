package org.crmbackoffice.model.customer;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a customer relationship stands; the allowed moves belong to the customer
 * inventory.
 */
public enum CustomerStatus {

	INITIALIZED("initialized"), APPROVED("approved"), SUSPENDED("suspended"), CLOSED("closed");

	private final String value;

	CustomerStatus(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

	public static CustomerStatus of(String value) {
		for (CustomerStatus status : values()) {
			if (status.value.equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("No customer status " + value);
	}

}
