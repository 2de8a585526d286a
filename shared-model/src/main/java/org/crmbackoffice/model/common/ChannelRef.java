package org.crmbackoffice.model.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/**
 * A channel an interaction happens on (TMF v5 {@code ChannelRef}), such as {@code phone},
 * {@code email}, {@code webSelfService}, {@code chat}, {@code sms}, {@code store} or
 * {@code device}. The specification asks for the id; a client may give the name alone
 * when the interaction service's channel catalogue knows it, and the catalogue then fills
 * in the other.
 *
 * @param type the TMF polymorphic type, {@code ChannelRef} unless the client sent another
 */
public record ChannelRef(@Size(max = 100) String id, @Size(max = 500) String href, @Size(max = 100) String name,
		@JsonProperty("@referredType") @Size(max = 100) String referredType,
		@JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "ChannelRef";

	public static ChannelRef named(String name) {
		return new ChannelRef(null, null, name, "Channel", null);
	}

	public static ChannelRef withId(String id) {
		return new ChannelRef(id, null, null, null, null);
	}

}
