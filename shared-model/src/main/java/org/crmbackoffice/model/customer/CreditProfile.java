package org.crmbackoffice.model.customer;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * A credit assessment of the customer (TMF629 {@code CreditProfile}), kept as part of the
 * customer: an id or href a client gives it is accepted and not kept.
 *
 * @param creditRiskRating the rating the assessing agency gave, higher meaning riskier
 * @param creditScore the score, 0 to 1000
 */
@JsonIgnoreProperties({ "id", "href" })
public record CreditProfile(@NotNull OffsetDateTime creditProfileDate, @Min(0) @Max(100) Integer creditRiskRating,
		@Min(0) @Max(1000) Integer creditScore, @Valid TimePeriod validFor) {

}
