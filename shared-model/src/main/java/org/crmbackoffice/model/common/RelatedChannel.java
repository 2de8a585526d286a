package org.crmbackoffice.model.common;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A channel taking part in an interaction with the given role and, for an interaction that moves between
 * channels, the time it was used, e.g. {@code {"role":"contact","channel":{"name":"phone","@referredType":
 * "Channel"},"validFor":{"startDateTime":"..."}}}.
 */
public record RelatedChannel(@Size(max = 100) String role, @NotNull @Valid ChannelRef channel,
		@Valid TimePeriod validFor) {

	public RelatedChannel(String role, ChannelRef channel) {
		this(role, channel, null);
	}

}
