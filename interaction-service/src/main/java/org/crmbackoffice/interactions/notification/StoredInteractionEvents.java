package org.crmbackoffice.interactions.notification;

import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.model.interaction.PartyInteraction;

/**
 * What reminders need of the interaction log: an event about a stored interaction,
 * carrying the interaction as every other event of the log does. The interaction log
 * implements it, so notifications do not depend on how interactions are stored.
 */
public interface StoredInteractionEvents {

	/**
	 * Publishes an event of the given type about the interaction, in the current
	 * transaction.
	 * @return the interaction the event carries; empty when there is no such interaction
	 */
	Optional<PartyInteraction> publish(String eventType, UUID interactionId);

}
