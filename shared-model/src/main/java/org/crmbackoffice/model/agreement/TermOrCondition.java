package org.crmbackoffice.model.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * One term or condition of an agreement (TMF651 {@code AgreementTermOrCondition}), e.g. a
 * minimum term.
 */
public record TermOrCondition(@NotBlank @Size(max = 2000) String description, @Valid TimePeriod validFor) {

}
