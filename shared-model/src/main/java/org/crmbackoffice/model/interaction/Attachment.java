package org.crmbackoffice.model.interaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A document that belongs to an interaction, kept where it is and referred to by its URL. */
public record Attachment(@Size(max = 100) String id, @NotBlank @Size(max = 200) String name,
		@Size(max = 100) String attachmentType, @Size(max = 100) String mimeType, @NotBlank @Size(max = 1000) String url,
		@PositiveOrZero Long size, @Size(max = 1000) String description) {
}
