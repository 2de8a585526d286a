package org.crmbackoffice.model.interaction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A partner's answer to the satisfaction survey of an interaction: a CSAT score, an NPS
 * answer or both.
 */
public record SatisfactionCreate(@Min(1) @Max(5) Integer csat, @Min(0) @Max(10) Integer nps,
		@Size(max = 2000) String feedback) {

}
