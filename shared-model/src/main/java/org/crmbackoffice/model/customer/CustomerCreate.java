package org.crmbackoffice.model.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * What a client sends to create a customer (TMF629 v5 {@code Customer_FVO}). The inventory assigns the id, the
 * status and the timestamps.
 *
 * @param engagedParty the individual or organization that is the customer, e.g.
 * {@code {"id":"...","@referredType":"Individual"}}
 */
public record CustomerCreate(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
		@Valid TimePeriod validFor, @Valid EntityRef engagedParty,
		@Size(max = 50) List<@Valid ContactMedium> contactMedium,
		@Size(max = 100) List<@Valid Characteristic> characteristic) {

	public CustomerCreate {
		contactMedium = (contactMedium != null) ? contactMedium : List.of();
		characteristic = (characteristic != null) ? characteristic : List.of();
	}

}
