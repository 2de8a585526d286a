package org.crmbackoffice.model.interaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How this interaction relates to another logged one.
 *
 * @param relationshipType {@code followUpOf}, {@code parent}, {@code child} or {@code duplicateOf}
 */
public record InteractionRelationship(
		@NotNull @Pattern(regexp = "followUpOf|parent|child|duplicateOf",
				message = "must be one of followUpOf, parent, child, duplicateOf") String relationshipType,
		@NotBlank @Size(max = 100) String id, String href) {
}
