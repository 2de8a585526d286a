/**
 * Notifications of the interaction log (eTOM 1.6.9: keeping partner and enterprise
 * informed of progress): reminders of overdue and stalled interactions to the
 * enterprise's listeners, and progress messages to business partners on their preferred
 * contact medium from the customer inventory, by email over SMTP or by SMS through a
 * provider's HTTP API. A message the mail server or provider took is recorded in the
 * interaction's track record; one that cannot go out is kept as undeliverable with the
 * reason. The events of every change themselves are published by the interaction log in
 * the transaction of the change.
 */
package org.crmbackoffice.interactions.notification;
