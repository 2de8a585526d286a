package org.crmbackoffice.model.customer.v4;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.customer.CreditProfile;
import org.crmbackoffice.model.customer.CustomerStatus;

/**
 * What a v4 client sends to create a customer (TMF629 v4 {@code Customer_Create}) and
 * what its merge patches apply to ({@code Customer_Update}). Attributes the inventory
 * sets itself are ignored; the inventory's own rules (a name, the engaged party, valid
 * contact media) apply as in v5.
 */
@JsonIgnoreProperties(value = { "id", "href", "@type", "@baseType", "@schemaLocation", "agreement",
		"engagedPartyResolution", "creationDate", "lastUpdate" })
public record CustomerChangeV4(@Size(max = 200) String name, @Size(max = 2000) String description,
		CustomerStatus status, @Size(max = 500) String statusReason, @Valid TimePeriod validFor,
		@Valid RelatedPartyV4 engagedParty, @Size(max = 50) List<@Valid ContactMediumV4> contactMedium,
		@Size(max = 100) List<@Valid Characteristic> characteristic, @Size(max = 50) List<@Valid EntityRef> account,
		@Size(max = 50) List<@Valid EntityRef> paymentMethod, @Size(max = 20) List<@Valid CreditProfile> creditProfile,
		@Size(max = 50) List<@Valid RelatedPartyV4> relatedParty, @Size(max = 100) String dataSource) {

	public CustomerChangeV4 {
		contactMedium = (contactMedium != null) ? contactMedium : List.of();
		characteristic = (characteristic != null) ? characteristic : List.of();
		account = (account != null) ? account : List.of();
		paymentMethod = (paymentMethod != null) ? paymentMethod : List.of();
		creditProfile = (creditProfile != null) ? creditProfile : List.of();
		relatedParty = (relatedParty != null) ? relatedParty : List.of();
	}

}
