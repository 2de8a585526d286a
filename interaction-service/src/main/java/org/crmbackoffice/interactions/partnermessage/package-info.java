/**
 * Progress messages to business partners: on the status changes the enterprise chose
 * (accepted, waiting for you, completed), the partner is told on its preferred contact
 * medium from the customer inventory, by email over SMTP or by SMS through a provider's
 * HTTP API, and a message the mail server or provider took is recorded in the
 * interaction's track record; one that cannot go out is kept as undeliverable with the
 * reason.
 */
package org.crmbackoffice.interactions.partnermessage;
