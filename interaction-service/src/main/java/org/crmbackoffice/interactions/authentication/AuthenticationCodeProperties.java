package org.crmbackoffice.interactions.authentication;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one-time codes agents give callers. Short-lived and few tries, since six digits are
 * few enough to guess given time.
 *
 * @param validFor how long a code can be used after it was issued
 * @param maxAttempts how many wrong codes void it
 * @param digits how long a code is, 6 to 12 digits: short enough to read out on the phone
 */
@ConfigurationProperties("crm.interaction.authentication.code")
record AuthenticationCodeProperties(@DefaultValue("10m") Duration validFor, @DefaultValue("5") int maxAttempts,
		@DefaultValue("6") int digits) {

	AuthenticationCodeProperties {
		if (validFor.isNegative() || validFor.isZero()) {
			throw new IllegalArgumentException("crm.interaction.authentication.code.valid-for must be positive");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("crm.interaction.authentication.code.max-attempts must be at least 1");
		}
		if (digits < 6 || digits > 12) {
			throw new IllegalArgumentException("crm.interaction.authentication.code.digits must be 6 to 12");
		}
	}

}
