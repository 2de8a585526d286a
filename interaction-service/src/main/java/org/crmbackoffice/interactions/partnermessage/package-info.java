/**
 * Progress messages to business partners: on the status changes the enterprise chose (accepted, waiting for you,
 * completed), the partner is told on its preferred contact medium from the customer inventory, by email over SMTP
 * or by SMS, and the message is recorded in the interaction's track record.
 */
package org.crmbackoffice.interactions.partnermessage;
