package org.crmbackoffice.model.common;

import java.math.BigDecimal;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An amount in a unit (TMF {@code Quantity}), e.g. an attachment's size
 * {@code {"amount":321,"units":"KB"}}.
 */
public record Quantity(@PositiveOrZero BigDecimal amount, @Size(max = 50) String units) {
}
