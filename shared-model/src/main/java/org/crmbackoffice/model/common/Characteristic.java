package org.crmbackoffice.model.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A named value describing an entity beyond its fixed attributes, e.g. a segment or a preferred language. */
public record Characteristic(@NotBlank @Size(max = 100) String name, @Size(max = 50) String valueType,
		@Size(max = 1000) String value) {
}
