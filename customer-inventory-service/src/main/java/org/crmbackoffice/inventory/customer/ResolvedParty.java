package org.crmbackoffice.inventory.customer;

import java.util.UUID;

/**
 * A customer's engaged party as it will be stored.
 *
 * @param partyId the party when the inventory holds it, {@code null} when it is held
 * elsewhere
 */
record ResolvedParty(EngagedPartyValue reference, UUID partyId) {

}
