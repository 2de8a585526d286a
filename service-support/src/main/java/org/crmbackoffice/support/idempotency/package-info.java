/**
 * {@code Idempotency-Key} on {@code POST}: a client that retries a create with the same
 * key and body gets the first result back instead of a second record. Each service keeps
 * the keys in its own {@code idempotency_key} table, written in the same transaction as
 * the record it created.
 */
package org.crmbackoffice.support.idempotency;
