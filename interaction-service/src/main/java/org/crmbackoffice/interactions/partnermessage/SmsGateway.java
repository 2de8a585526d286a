package org.crmbackoffice.interactions.partnermessage;

/** Sends a text message. An operator plugs in its SMS provider as a bean of this type. */
public interface SmsGateway {

	/** Must answer rather than throw, so that the sender can tell a refusal from a provider that is only down. */
	SmsOutcome send(String phoneNumber, String text);

}
