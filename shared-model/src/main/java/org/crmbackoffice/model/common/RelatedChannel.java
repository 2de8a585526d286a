package org.crmbackoffice.model.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A channel taking part in an interaction with the given role (TMF v5
 * {@code RelatedChannel}), e.g.
 * {@code {"@type":"RelatedChannel","role":"contact","channel":{"@type":"ChannelRef","id":"phone"}}}.
 * For an interaction that moves between channels, {@code validFor} (an extension of this
 * service) says when each was used.
 */
public record RelatedChannel(@Size(max = 100) String role, @NotNull @Valid ChannelRef channel,
		@Valid TimePeriod validFor, @JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "RelatedChannel";

	public RelatedChannel(String role, ChannelRef channel) {
		this(role, channel, null, null);
	}

	public RelatedChannel(String role, ChannelRef channel, TimePeriod validFor) {
		this(role, channel, validFor, null);
	}

}
