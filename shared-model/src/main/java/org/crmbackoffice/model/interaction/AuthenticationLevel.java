package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How sure the enterprise is of who the partner is on an interaction: not at all, by what
 * the partner said ({@code identified}), or proven by credentials or a verification an
 * agent recorded ({@code authenticated}).
 */
public enum AuthenticationLevel {

	ANONYMOUS("anonymous"), IDENTIFIED("identified"), AUTHENTICATED("authenticated");

	private final String value;

	AuthenticationLevel(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

}
