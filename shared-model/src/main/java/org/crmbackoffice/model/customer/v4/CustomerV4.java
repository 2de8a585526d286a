package org.crmbackoffice.model.customer.v4;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.customer.CreditProfile;
import org.crmbackoffice.model.customer.CustomerStatus;

/**
 * A customer as TMF629 v4.0.0 shows it: the same record a v5 client reads, with the
 * engaged party and related parties as flat references and contact media with their
 * address in a {@code characteristic}. This inventory's extensions (description, data
 * source, dates, engagedPartyResolution) travel beside, as in v5.
 */
public record CustomerV4(String id, String href, @JsonProperty("@type") String type, String name, String description,
		CustomerStatus status, String statusReason, TimePeriod validFor, RelatedPartyV4 engagedParty,
		String engagedPartyResolution, List<ContactMediumV4> contactMedium, List<Characteristic> characteristic,
		List<EntityRef> account, List<EntityRef> paymentMethod, List<CreditProfile> creditProfile,
		List<RelatedPartyV4> relatedParty, List<EntityRef> agreement, String dataSource, Instant creationDate,
		Instant lastUpdate) {
}
