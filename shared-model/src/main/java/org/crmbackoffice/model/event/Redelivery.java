package org.crmbackoffice.model.event;

/**
 * The answer to sending a listener's dead letters again.
 *
 * @param hubId the listener
 * @param redelivered how many dead letters are owed to it again
 */
public record Redelivery(String hubId, int redelivered) {
}
