package org.crmbackoffice.model.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reference to an entity that lives elsewhere, possibly in another system (TMF630
 * EntityRef). The description some references carry in TMF v4 (e.g. {@code AccountRef})
 * is accepted and not kept.
 *
 * @param id the referred entity's identifier
 * @param href where the referred entity can be read, if known
 * @param name a display name, informative only
 * @param referredType the class of the referred entity, e.g. {@code Customer},
 * {@code Individual}
 * @param type the TMF v5 polymorphic type of the reference itself, e.g.
 * {@code AccountRef}; where a client sends none, the resource that holds the reference
 * says which
 */
@JsonIgnoreProperties({ "description" })
public record EntityRef(@NotBlank @Size(max = 100) String id, @Size(max = 500) String href,
		@Size(max = 200) String name, @JsonProperty("@referredType") @NotBlank @Size(max = 100) String referredType,
		@JsonProperty("@type") @Size(max = 100) String type) {

	public EntityRef(String id, String href, String name, String referredType) {
		this(id, href, name, referredType, null);
	}

	/** The same reference, of the given type unless it has one. */
	public EntityRef typedAs(String defaultType) {
		return new EntityRef(this.id, this.href, this.name, this.referredType,
				(this.type != null) ? this.type : defaultType);
	}

	public boolean refersTo(String type) {
		return type.equals(this.referredType);
	}

}
