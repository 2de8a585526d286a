package org.crmbackoffice.interactions.partnermessage;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onStatus the statuses whose reaching the partner is told about
 * @param from the sender address of emails
 * @param retryAfter how long a message that could not be sent yet waits for its next attempt
 * @param maxAttempts after how many attempts a message that could not be sent is given up as undeliverable
 * @param claimFor how long a message an instance took to send is left to it before another instance may try it
 * (for an instance that stopped mid-send); longer than the inventory's and the mail server's or SMS gateway's timeouts together
 */
@ConfigurationProperties("crm.interaction.partner-messages")
record PartnerMessageProperties(
		@DefaultValue({ "inProgress", "waitingForPartner", "completed" }) List<String> onStatus,
		@DefaultValue("customer-care@crm-backoffice.invalid") String from, @DefaultValue("PT10S") Duration sendInterval,
		@DefaultValue("PT1M") Duration retryAfter, @DefaultValue("10") int maxAttempts,
		@DefaultValue("PT5M") Duration claimFor) {
}
