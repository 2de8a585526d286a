package org.crmbackoffice.model.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A named value describing an entity beyond its fixed attributes, e.g. a segment or a
 * preferred language. A characteristic is known by its name; the specification's id and
 * relationships between characteristics are accepted and not kept.
 *
 * @param type the TMF v5 kind of characteristic as its client gave it;
 * {@code StringCharacteristic}, which its text value is, when it gave none
 */
@JsonIgnoreProperties({ "id", "characteristicRelationship" })
public record Characteristic(@JsonProperty("@type") @Size(max = 100) String type,
		@NotBlank @Size(max = 100) String name, @Size(max = 50) String valueType, @Size(max = 1000) String value) {

	public static final String DEFAULT_TYPE = "StringCharacteristic";

	public Characteristic(String name, String valueType, String value) {
		this(null, name, valueType, value);
	}

	/** The characteristic with the {@code @type} v5 requires. */
	public Characteristic typed() {
		return (this.type != null) ? this : new Characteristic(DEFAULT_TYPE, this.name, this.valueType, this.value);
	}

}
