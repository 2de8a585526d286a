package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a partner proved who it is on an interaction: by itself through the API
 * ({@code partner-token}, {@code one-time-code} with the code an agent gave it), or to an
 * agent, who records the check it made ({@code knowledge-questions},
 * {@code one-time-code} it checked itself, {@code document-check}).
 */
public enum AuthenticationMethod {

	PARTNER_TOKEN("partner-token"), ONE_TIME_CODE("one-time-code"), KNOWLEDGE_QUESTIONS("knowledge-questions"),
	DOCUMENT_CHECK("document-check");

	private final String value;

	AuthenticationMethod(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

}
