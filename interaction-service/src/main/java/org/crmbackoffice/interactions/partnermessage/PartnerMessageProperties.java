package org.crmbackoffice.interactions.partnermessage;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onStatus the statuses whose reaching the partner is told about
 * @param from the sender address of emails
 */
@ConfigurationProperties("crm.interaction.partner-messages")
record PartnerMessageProperties(
		@DefaultValue({ "inProgress", "waitingForPartner", "completed" }) List<String> onStatus,
		@DefaultValue("customer-care@crm-backoffice.invalid") String from, @DefaultValue("PT10S") Duration sendInterval,
		@DefaultValue("PT1M") Duration retryAfter, @DefaultValue("10") int maxAttempts) {
}
