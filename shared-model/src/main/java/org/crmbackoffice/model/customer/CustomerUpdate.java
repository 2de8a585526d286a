package org.crmbackoffice.model.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * The changeable part of a customer (TMF629 v5 {@code Customer_MVO}): what a JSON merge
 * patch is applied to. The attributes of {@code Customer_MVO} the inventory does not
 * change this way (id, href, role, partyRoleSpecification, agreement) are accepted and
 * ignored, as a client may send back what it read.
 */
@JsonIgnoreProperties({ "id", "href", "role", "partyRoleSpecification", "agreement" })
public record CustomerUpdate(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
		@NotNull CustomerStatus status, @Size(max = 500) String statusReason, @Valid TimePeriod validFor,
		@NotNull @Valid EngagedParty engagedParty, @Size(max = 50) List<@Valid ContactMedium> contactMedium,
		@Size(max = 100) List<@Valid Characteristic> characteristic, @Size(max = 50) List<@Valid EntityRef> account,
		@Size(max = 50) List<@Valid EntityRef> paymentMethod, @Size(max = 20) List<@Valid CreditProfile> creditProfile,
		@Size(max = 50) List<@Valid RelatedParty> relatedParty) {

	public CustomerUpdate {
		contactMedium = (contactMedium != null) ? contactMedium : List.of();
		characteristic = (characteristic != null) ? characteristic : List.of();
		account = (account != null) ? account : List.of();
		paymentMethod = (paymentMethod != null) ? paymentMethod : List.of();
		creditProfile = (creditProfile != null) ? creditProfile : List.of();
		relatedParty = (relatedParty != null) ? relatedParty : List.of();
	}

}
