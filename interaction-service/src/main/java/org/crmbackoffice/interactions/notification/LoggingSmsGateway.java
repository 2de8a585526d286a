package org.crmbackoffice.interactions.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes text messages to the log, so that a demonstration without an SMS provider shows
 * what partners would be told. It says so in its outcome: the message is recorded as
 * logged, never as sent.
 */
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public SmsOutcome send(String phoneNumber, String text) {
		log.info("SMS only logged, not sent (development profile, no SMS provider) to {}: {}", phoneNumber, text);
		return new SmsOutcome.OnlyLogged();
	}

}
