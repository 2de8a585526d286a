package org.crmbackoffice.interactions.interaction;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.interactions.notification.StoredInteractionEvents;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.support.hub.EventPublisher;
import org.crmbackoffice.support.hub.HubProperties;

import org.springframework.stereotype.Component;

/**
 * The TMF683 events of the interaction log, published in the transaction of the change
 * they describe, in the shape of the API version each listener registered with.
 */
@Component
class InteractionEvents implements StoredInteractionEvents {

	static final String CREATE = "PartyInteractionCreateEvent";

	static final String STATUS_CHANGE = "PartyInteractionStatusChangeEvent";

	static final String DELETE = "PartyInteractionDeleteEvent";

	static final String ATTRIBUTE_VALUE_CHANGE = "PartyInteractionAttributeValueChangeEvent";

	private final EventPublisher publisher;

	private final PartyInteractionRepository interactions;

	InteractionEvents(EventPublisher publisher, PartyInteractionRepository interactions) {
		this.publisher = publisher;
		this.interactions = interactions;
	}

	void created(PartyInteraction interaction) {
		publish(CREATE, interaction);
	}

	/**
	 * A status change, a change of anything else, or both: each is an event of its own
	 * kind.
	 */
	void changed(InteractionChange change) {
		if (change.statusChanged()) {
			publish(STATUS_CHANGE, change.after());
		}
		if (change.attributesChanged()) {
			publish(ATTRIBUTE_VALUE_CHANGE, change.after());
		}
	}

	/** The interaction as it was when it was taken off the API. */
	void deleted(PartyInteraction interaction) {
		publish(DELETE, interaction);
	}

	@Override
	public Optional<PartyInteraction> publish(String eventType, UUID interactionId) {
		Optional<PartyInteraction> interaction = this.interactions.findById(interactionId)
			.map(PartyInteractionMapper::toResource);
		interaction.ifPresent((resource) -> publish(eventType, resource));
		return interaction;
	}

	/**
	 * Listeners of the v5 hub get the v5 shape, those of the v4 hub the v4 shape of the
	 * same interaction.
	 */
	void publish(String type, PartyInteraction interaction) {
		this.publisher.publish(type, interaction.id(), "partyInteraction",
				Map.of(HubProperties.V5, interaction, HubProperties.V4, PartyInteractionV4Mapper.toV4(interaction)));
	}

}
