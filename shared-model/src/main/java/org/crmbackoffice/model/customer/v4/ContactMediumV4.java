package org.crmbackoffice.model.customer.v4;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * A contact medium in TMF629 v4: its type, and its address in a {@code characteristic}.
 */
public record ContactMediumV4(@Size(max = 50) String mediumType, Boolean preferred,
		@Valid MediumCharacteristic characteristic, @Valid TimePeriod validFor,
		@JsonProperty("@type") @Size(max = 100) String type) {

	/** The address of a v4 contact medium, whichever kind it is. */
	public record MediumCharacteristic(@Size(max = 50) String contactType, @Size(max = 254) String emailAddress,
			@Size(max = 32) String phoneNumber, @Size(max = 32) String faxNumber,
			@Size(max = 200) String socialNetworkId, @Size(max = 200) String street1, @Size(max = 200) String street2,
			@Size(max = 100) String city, @Size(max = 20) String postCode, @Size(max = 100) String stateOrProvince,
			@Size(max = 100) String country) {
	}

}
