package org.crmbackoffice.interactions.notification;

/**
 * Sends a text message. {@code crm.interaction.partner-messages.sms.url} configures an
 * SMS provider's HTTP API; an operator whose provider needs more plugs it in as a bean of
 * this type instead.
 */
public interface SmsGateway {

	/**
	 * Must answer rather than throw, so that the sender can tell a refusal from a
	 * provider that is only down.
	 */
	SmsOutcome send(String phoneNumber, String text);

}
