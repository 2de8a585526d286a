package org.crmbackoffice.interactions.partnermessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes text messages to the log, for installations without an SMS provider. */
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void send(String phoneNumber, String text) {
		log.info("SMS to {}: {}", phoneNumber, text);
	}

}
