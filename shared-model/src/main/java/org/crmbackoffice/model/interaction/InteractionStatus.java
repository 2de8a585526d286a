package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an interaction stands; the allowed moves between them belong to the interaction
 * service.
 */
public enum InteractionStatus {

	OPENED("opened"), IN_PROGRESS("inProgress"), WAITING_FOR_PARTNER("waitingForPartner"),
	WAITING_FOR_BACK_OFFICE("waitingForBackOffice"), COMPLETED("completed"), CANCELLED("cancelled");

	private final String value;

	InteractionStatus(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

}
