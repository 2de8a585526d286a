/**
 * Every event a service publishes, streamed to Kafka beside the webhooks, for consumers
 * at scale (BI platforms, integration layers): from the same transactional outbox, in the
 * same envelope, at least once and in order per resource.
 */
package org.crmbackoffice.support.stream;
