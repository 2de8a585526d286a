package org.crmbackoffice.model.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.CountryCode;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * An identification of a party (TMF632 {@code IndividualIdentification} /
 * {@code OrganizationIdentification}), e.g.
 * {@code {"identificationType":"companyRegistration","identificationId":"01234567",
 * "issuingAuthority":"Companies House","country":"GB"}}.
 *
 * @param country ISO 3166-1 alpha-2 code of the issuing country
 */
public record PartyIdentification(@NotBlank @Size(max = 50) String identificationType,
		@NotBlank @Size(max = 100) String identificationId, @Size(max = 200) String issuingAuthority,
		@CountryCode String country, @Valid TimePeriod validFor) {

}
