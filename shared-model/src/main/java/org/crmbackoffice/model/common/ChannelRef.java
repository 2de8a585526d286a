package org.crmbackoffice.model.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A channel an interaction happens on, such as {@code phone}, {@code email}, {@code webSelfService},
 * {@code chat}, {@code sms}, {@code store} or {@code device}. The id is optional: most back offices know
 * their channels by name.
 */
public record ChannelRef(@Size(max = 100) String id, @Size(max = 500) String href,
		@NotBlank @Size(max = 100) String name, @JsonProperty("@referredType") @Size(max = 100) String referredType) {

	public static ChannelRef named(String name) {
		return new ChannelRef(null, null, name, "Channel");
	}

}
