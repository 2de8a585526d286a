package org.crmbackoffice.model.interaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The interaction's id in another system, e.g. the call id of the telephony platform. */
public record ExternalIdentifier(@NotBlank @Size(max = 200) String id, @Size(max = 100) String owner,
		@Size(max = 100) String externalIdentifierType) {
}
