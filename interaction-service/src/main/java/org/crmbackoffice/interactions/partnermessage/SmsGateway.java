package org.crmbackoffice.interactions.partnermessage;

/** Sends a text message. An operator plugs in its SMS provider as a bean of this type. */
public interface SmsGateway {

	void send(String phoneNumber, String text);

}
