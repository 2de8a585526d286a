package org.crmbackoffice.interactions.interaction;

import java.time.OffsetDateTime;
import java.util.List;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;

/** Interactions as a CRM front end would log them. */
public final class InteractionFixtures {

	private InteractionFixtures() {
	}

	/**
	 * A phone call from a prospect known only as an individual, so the customer inventory
	 * is not involved.
	 */
	public static PartyInteractionCreate callFromProspect() {
		return new PartyInteractionCreate(null, null, null, "Prospect asks about fibre availability", "inbound",
				"sales enquiry", null, new TimePeriod(OffsetDateTime.parse("2026-11-02T09:15:00+01:00"), null), null,
				null, List.of(new RelatedChannel("contact", ChannelRef.named("phone"))),
				List.of(new RelatedPartyOrPartyRole("prospect",
						new PartyRefOrPartyRoleRef("ind-77", null, "Jo Prospect", "Individual"))),
				null, null, List.of(new Note(null, "agent-7", null, "Wants a callback after 6pm.")), null, null);
	}

	public static PartyInteractionCreate complaintFromCustomer(String customerId) {
		return PartyInteractionCreate.of("Complains about dropped calls", "inbound", "complaint",
				List.of(new RelatedChannel("contact", ChannelRef.named("chat"))),
				List.of(new RelatedPartyOrPartyRole("customer",
						new PartyRefOrPartyRoleRef(customerId, null, null, "Customer"))));
	}

}
