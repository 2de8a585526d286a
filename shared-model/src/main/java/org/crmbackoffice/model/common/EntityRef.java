package org.crmbackoffice.model.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reference to an entity that lives elsewhere, possibly in another system (TMF630 EntityRef).
 *
 * @param id the referred entity's identifier
 * @param href where the referred entity can be read, if known
 * @param name a display name, informative only
 * @param referredType the class of the referred entity, e.g. {@code Customer}, {@code Individual}
 */
public record EntityRef(@NotBlank @Size(max = 100) String id, @Size(max = 500) String href,
		@Size(max = 200) String name,
		@JsonProperty("@referredType") @NotBlank @Size(max = 100) String referredType) {

	public boolean refersTo(String type) {
		return type.equals(this.referredType);
	}

}
