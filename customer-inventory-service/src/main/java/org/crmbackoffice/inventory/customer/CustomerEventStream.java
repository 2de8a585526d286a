package org.crmbackoffice.inventory.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.crmbackoffice.inventory.access.InventoryAccess;
import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.support.live.LiveEventVisibility;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.web.ApiResponses;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * What the customer inventory's live stream ({@code /inventory/v1/events}) shows a
 * caller: customer events to those who may read customers, a partner only its own
 * record's, and access anomalies to auditors. A customer record that leaves on a stream
 * is a read like any other, recorded in the audit trail before it is sent.
 */
@Component
class CustomerEventStream implements LiveEventVisibility {

	private final AuditTrail trail;

	CustomerEventStream(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public boolean visibleTo(Caller caller, JsonNode envelope) {
		JsonNode event = envelope.path("event");
		if (event.has("customer")) {
			return caller.may(InventoryAccess.CUSTOMER_READ)
					|| (caller.may(InventoryAccess.CUSTOMER_READ_OWN) && caller.partyId() != null
							&& caller.partyId().equals(event.path("customer").path("id").asString()));
		}
		return event.has("customerAccessAnomaly") && caller.may(InventoryAccess.AUDIT_READ);
	}

	@Override
	public Consumer<List<JsonNode>> beforeSending(Caller caller) {
		Consumer<List<AuditTrail.Read>> record = this.trail.streamedReads();
		return (envelopes) -> {
			List<AuditTrail.Read> reads = new ArrayList<>();
			for (JsonNode envelope : envelopes) {
				ApiResponses.parseId(envelope.path("event").path("customer").path("id").asString())
					.ifPresent((customer) -> reads
						.add(new AuditTrail.Read(customer, "Event/" + envelope.path("eventId").asString())));
			}
			record.accept(reads);
		};
	}

}
