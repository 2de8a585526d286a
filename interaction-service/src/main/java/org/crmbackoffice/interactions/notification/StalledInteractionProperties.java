package org.crmbackoffice.interactions.notification;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param noProgressAfter how long an open interaction may go unchanged before the
 * enterprise is reminded of it
 * @param noProgressAfterByReason the same per reason (compared without regard to case),
 * e.g. a shorter time for complaints
 * @param notifyPartner whether the partner also gets a message that its interaction has
 * not been forgotten
 */
@ConfigurationProperties("crm.interaction.stalled")
record StalledInteractionProperties(@DefaultValue("PT1M") Duration checkInterval,
		@DefaultValue("PT48H") Duration noProgressAfter, Map<String, Duration> noProgressAfterByReason,
		@DefaultValue("false") boolean notifyPartner) {

	Duration noProgressAfter(String reason) {
		if (reason == null || this.noProgressAfterByReason == null) {
			return this.noProgressAfter;
		}
		return this.noProgressAfterByReason.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().toLowerCase(Locale.ROOT).equals(reason.toLowerCase(Locale.ROOT)))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(this.noProgressAfter);
	}

	Duration shortestNoProgress() {
		Duration shortest = this.noProgressAfter;
		if (this.noProgressAfterByReason != null) {
			for (Duration each : this.noProgressAfterByReason.values()) {
				shortest = (each.compareTo(shortest) < 0) ? each : shortest;
			}
		}
		return shortest;
	}

}
