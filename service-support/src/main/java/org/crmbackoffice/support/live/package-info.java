/**
 * Live event streams for front ends: Server-Sent Events carrying the hub's TMF event
 * envelopes to each caller that keeps a stream open, filtered by what the caller may see
 * and by its own query, resumable with {@code Last-Event-ID}. Events come from the
 * outbox, not from the memory of the instance that wrote them, so any instance serves any
 * stream.
 */
package org.crmbackoffice.support.live;
