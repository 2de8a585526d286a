package org.crmbackoffice.model.interaction;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.EntityRef;

/**
 * What an interaction is about: a trouble ticket, an order, a bill, a product... referred to in the system that
 * owns it, e.g. {@code {"item":{"id":"TT-1","@referredType":"TroubleTicket"},"itemDate":"..."}}.
 */
public record InteractionItem(@Size(max = 100) String id, @NotNull @Valid EntityRef item, OffsetDateTime itemDate) {
}
