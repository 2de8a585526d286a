package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The interaction's id in another system (TMF v5 {@code ExternalIdentifier}), e.g. the
 * telephony call id.
 */
public record ExternalIdentifier(@NotBlank @Size(max = 200) String id, @Size(max = 100) String owner,
		@Size(max = 100) String externalIdentifierType, @JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "ExternalIdentifier";

	public ExternalIdentifier(String id, String owner, String externalIdentifierType) {
		this(id, owner, externalIdentifierType, null);
	}

}
