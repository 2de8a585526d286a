package org.crmbackoffice.interactions.notification;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onStatus the statuses whose reaching the partner is told about
 * @param from the sender address of emails
 * @param retryAfter how long a message that could not be sent yet waits for its first
 * retry, at most; each later retry waits up to twice as long (with jitter, as webhook
 * deliveries do)
 * @param maxRetryAfter the longest wait between two attempts
 * @param maxAttempts after how many attempts a message that could not be sent is given up
 * as undeliverable
 * @param claimFor how long a message an instance took to send is left to it before
 * another instance may try it (for an instance that stopped mid-send); longer than the
 * inventory's and the provider's timeouts together
 * @param sms the SMS provider's HTTP API
 */
@ConfigurationProperties("crm.interaction.partner-messages")
record PartnerMessageProperties(@DefaultValue( {
		"inProgress", "waitingForPartner", "completed" }) List<String> onStatus,
		@DefaultValue("customer-care@crm-backoffice.invalid") String from, @DefaultValue("PT10S") Duration sendInterval,
		@DefaultValue("PT1M") Duration retryAfter, @DefaultValue("PT30M") Duration maxRetryAfter,
		@DefaultValue("10") int maxAttempts, @DefaultValue("PT5M") Duration claimFor, @DefaultValue Sms sms){

	/** The format of the request body an SMS provider expects. */
	enum Format {

		JSON, FORM

	}

	/**
	 * An SMS provider's HTTP API: each message is one POST to {@code url} with the
	 * recipient, the sender id and the text under the configured field names,
	 * authenticated by basic auth, a bearer token or an API key header (at most one of
	 * them).
	 *
	 * @param url where messages are posted; without it no SMS is sent
	 * @param username with {@code password}: HTTP basic authentication
	 * @param bearerToken sent as {@code Authorization: Bearer ...}
	 * @param apiKey sent in the header named by {@code apiKeyHeader}
	 * @param senderId the sender name or number partners see, left out of the body when
	 * not set
	 * @param format {@code json} or {@code form} (application/x-www-form-urlencoded)
	 * @param messageIdPointer a JSON pointer to the provider's id for the message in its
	 * answer
	 * @param timeout for connecting and for the answer; a provider slower than this is
	 * tried again later
	 */
	record Sms(URI url, String username, String password, String bearerToken, String apiKey,
			@DefaultValue("X-API-Key") String apiKeyHeader, String senderId, @DefaultValue("json") Format format,
			@DefaultValue("to") String recipientField, @DefaultValue("from") String senderField,
			@DefaultValue("text") String textField, @DefaultValue("/id") String messageIdPointer,
			@DefaultValue("PT10S") Duration timeout) {

		Sms {
			if (url != null && !List.of("http", "https").contains(String.valueOf(url.getScheme()))) {
				throw new IllegalArgumentException("the SMS provider's url must be an http or https URL, not " + url);
			}
			if ((username == null) != (password == null)) {
				throw new IllegalArgumentException(
						"basic authentication with the SMS provider needs both a username and a password");
			}
			List<String> authentications = new ArrayList<>();
			if (username != null) {
				authentications.add("username/password");
			}
			if (bearerToken != null) {
				authentications.add("bearer-token");
			}
			if (apiKey != null) {
				authentications.add("api-key");
			}
			if (authentications.size() > 1) {
				throw new IllegalArgumentException(
						"configure one way to authenticate with the SMS provider, not " + authentications);
			}
			if (!messageIdPointer.isEmpty() && !messageIdPointer.startsWith("/")) {
				throw new IllegalArgumentException("message-id-pointer must be a JSON pointer such as /id or "
						+ "/messages/0/id, not " + messageIdPointer);
			}
		}

	}

}
