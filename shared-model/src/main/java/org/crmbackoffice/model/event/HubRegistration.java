package org.crmbackoffice.model.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A listener to register (TMF630 {@code Hub_FVO}).
 *
 * @param callback where events are posted
 * @param query which events, e.g.
 * {@code eventType=PartyInteractionStatusChangeEvent&event.partyInteraction.
 * relatedParty.partyOrPartyRole.id=42}; every event when absent
 */
public record HubRegistration(@NotBlank @Size(max = 1000) String callback, @Size(max = 2000) String query) {
}
