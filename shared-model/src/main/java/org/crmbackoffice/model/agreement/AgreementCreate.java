package org.crmbackoffice.model.agreement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * What a client sends to create an agreement. Exactly one engaged party refers to a
 * {@code Customer} of this inventory; the others (a reseller, a guarantor) are references
 * the inventory keeps as given.
 */
public record AgreementCreate(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
		@NotBlank @Size(max = 100) String agreementType, @Valid TimePeriod agreementPeriod,
		@NotEmpty @Size(max = 20) List<@Valid RelatedParty> engagedParty,
		@Size(max = 100) List<@Valid TermOrCondition> termOrCondition,
		@Size(max = 50) List<@Valid EntityRef> document) {

	public AgreementCreate {
		termOrCondition = (termOrCondition != null) ? termOrCondition : List.of();
		document = (document != null) ? document : List.of();
	}

}
