package org.crmbackoffice.model.customer;

import java.util.List;

import org.crmbackoffice.model.interaction.PartyInteraction;

/**
 * A customer's latest interactions, as the interaction service told them, for a 360 view.
 *
 * @param availability {@code available}, or {@code unavailable} when the interaction
 * service could not be asked (the customer record itself is still answered)
 */
public record RecentInteractions(String availability, List<PartyInteraction> interaction) {

	public static RecentInteractions available(List<PartyInteraction> interactions) {
		return new RecentInteractions("available", interactions);
	}

	public static RecentInteractions unavailable() {
		return new RecentInteractions("unavailable", List.of());
	}

}
