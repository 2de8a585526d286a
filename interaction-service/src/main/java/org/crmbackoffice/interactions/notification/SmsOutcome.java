package org.crmbackoffice.interactions.notification;

/** What became of a text message handed to an {@link SmsGateway}. */
public sealed interface SmsOutcome {

	/**
	 * The provider accepted the message.
	 *
	 * @param providerMessageId the provider's id for it, {@code null} when its answer
	 * carries none
	 */
	record Sent(String providerMessageId) implements SmsOutcome {
	}

	/**
	 * The provider refused the message and would refuse it again, e.g. an invalid number
	 * or bad credentials.
	 */
	record Refused(String reason) implements SmsOutcome {
	}

	/**
	 * The message could not be handed over now but may be later: the provider was down,
	 * busy or too slow.
	 */
	record NotYet(String reason) implements SmsOutcome {
	}

	/**
	 * The message was only written to a log, on a development installation: the partner
	 * got nothing.
	 */
	record OnlyLogged() implements SmsOutcome {
	}

}
