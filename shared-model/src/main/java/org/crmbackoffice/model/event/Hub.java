package org.crmbackoffice.model.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A registered listener. The signing {@code secret} is shown once, in the answer to the
 * registration (and to a secret rotation), and never again.
 *
 * @param status {@code active}, or {@code disabled} once its callback answered 410 Gone
 */
public record Hub(String id, String href, @JsonProperty("@type") String type, String callback, String query,
		String status, String secret, Instant creationDate) {

	public static final String TYPE = "Hub";

}
