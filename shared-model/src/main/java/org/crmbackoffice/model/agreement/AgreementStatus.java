package org.crmbackoffice.model.agreement;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an agreement stands; the allowed moves belong to the customer inventory. */
public enum AgreementStatus {

	INITIALIZED("initialized"), ACTIVE("active"), SUSPENDED("suspended"), TERMINATED("terminated");

	private final String value;

	AgreementStatus(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

	public static AgreementStatus of(String value) {
		for (AgreementStatus status : values()) {
			if (status.value.equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("No agreement status " + value);
	}

}
