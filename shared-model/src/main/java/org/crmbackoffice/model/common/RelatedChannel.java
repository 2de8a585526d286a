package org.crmbackoffice.model.common;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A channel taking part in an interaction with the given role, e.g. {@code {"role":"contact",
 * "channel":{"name":"phone","@referredType":"Channel"}}}.
 */
public record RelatedChannel(@Size(max = 100) String role, @NotNull @Valid ChannelRef channel) {
}
