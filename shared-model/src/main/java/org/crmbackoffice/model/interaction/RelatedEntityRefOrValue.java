package org.crmbackoffice.model.interaction;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * What an interaction item is about, in a role (TMF v5 {@code RelatedEntityRefOrValue}):
 * a reference to an entity held elsewhere ({@code "@type":"EntityRef"} with {@code id}
 * and {@code @referredType}), or the entity itself as its owning API shows it, e.g. a
 * product order with its items. The entity is kept as sent.
 */
public record RelatedEntityRefOrValue(@Size(max = 100) String role, @NotEmpty Map<String, Object> entity,
		@JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "RelatedEntityRefOrValue";

	/** A reference by id and referred type, e.g. to a trouble ticket. */
	public static RelatedEntityRefOrValue ref(String id, String referredType) {
		return new RelatedEntityRefOrValue(null, Map.of("id", id, "@referredType", referredType, "@type", "EntityRef"),
				null);
	}

	@JsonIgnore
	public String entityId() {
		return text("id");
	}

	@JsonIgnore
	public String entityHref() {
		return text("href");
	}

	@JsonIgnore
	public String entityName() {
		return text("name");
	}

	/** The referred type of a reference, else the type of the entity given by value. */
	@JsonIgnore
	public String entityType() {
		String referred = text("@referredType");
		return (referred != null) ? referred : text("@type");
	}

	private String text(String member) {
		Object value = (this.entity != null) ? this.entity.get(member) : null;
		return (value != null) ? value.toString() : null;
	}

}
