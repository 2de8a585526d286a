/**
 * The TMF688 event hub with a transactional outbox. A service publishes an event in the
 * transaction of the change it describes; one delivery per matching listener is written
 * with it, so the notification is owed the moment the change commits. Dispatchers (any
 * number, on any instance) deliver them in order per subject and listener, signed per the
 * Standard Webhooks specification, retrying with exponential backoff and jitter until the
 * last try makes them dead letters. Switched on by {@code crm.hub.enabled}.
 */
package org.crmbackoffice.support.hub;
