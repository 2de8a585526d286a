package org.crmbackoffice.model.common;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A free-text remark with its author and date. */
public record Note(@Size(max = 100) String id, @Size(max = 200) String author, OffsetDateTime date,
		@NotBlank @Size(max = 4000) String text) {
}
