package org.crmbackoffice.model.agreement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * The changeable part of an agreement: what a JSON merge patch is applied to. Its
 * customer cannot change.
 */
public record AgreementUpdate(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
		@NotBlank @Size(max = 100) String agreementType, @NotNull AgreementStatus status,
		@Size(max = 500) String statusReason, @Valid TimePeriod agreementPeriod,
		@NotEmpty @Size(max = 20) List<@Valid RelatedParty> engagedParty,
		@Size(max = 100) List<@Valid TermOrCondition> termOrCondition,
		@Size(max = 50) List<@Valid EntityRef> document) {

	public AgreementUpdate {
		termOrCondition = (termOrCondition != null) ? termOrCondition : List.of();
		document = (document != null) ? document : List.of();
	}

}
