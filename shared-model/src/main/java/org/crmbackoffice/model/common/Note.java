package org.crmbackoffice.model.common;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A free-text remark with its author and date (TMF v5 {@code Note}). */
public record Note(@Size(max = 100) String id, @Size(max = 200) String author, OffsetDateTime date,
		@NotBlank @Size(max = 4000) String text, @JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "Note";

	public Note(String id, String author, OffsetDateTime date, String text) {
		this(id, author, date, text, null);
	}

}
