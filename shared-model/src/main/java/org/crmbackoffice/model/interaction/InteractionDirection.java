package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who started an interaction: the partner ({@code inbound}) or the enterprise ({@code outbound}). */
public enum InteractionDirection {

	INBOUND("inbound"), OUTBOUND("outbound");

	private final String value;

	InteractionDirection(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

}
