package org.crmbackoffice.model.customer;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * A customer as the inventory shows it (TMF629 v5): a party in the customer role, with
 * its contact media, characteristics, references to its accounts and payment methods,
 * credit profiles, related parties and the agreements (contracts) established with it.
 *
 * @param engagedPartyResolution whether the inventory holds the engaged party's data
 * ({@code held}) or the customer refers to a party held in another system
 * ({@code external}), which the {@code party-unresolved} data-quality rule reports; an
 * extension of TMF629
 * @param agreement the customer's agreements, kept by the inventory as their own
 * resource; read-only here
 * @param dataSource the system that fed the record (e.g. {@code crm-frontend});
 * read-only, unknown for old records
 * @param recentInteractions only when asked for ({@code expand=recentInteractions}): the
 * 360 view
 */
public record Customer(String id, String href, @JsonProperty("@type") String type, String name, String description,
		CustomerStatus status, String statusReason, TimePeriod validFor, EngagedParty engagedParty,
		String engagedPartyResolution, List<ContactMedium> contactMedium, List<Characteristic> characteristic,
		List<EntityRef> account, List<EntityRef> paymentMethod, List<CreditProfile> creditProfile,
		List<RelatedParty> relatedParty, List<EntityRef> agreement, String dataSource, Instant creationDate,
		Instant lastUpdate, RecentInteractions recentInteractions) {

	public static final String TYPE = "Customer";

	public static final String PARTY_HELD = "held";

	public static final String PARTY_EXTERNAL = "external";

	public Customer withRecentInteractions(RecentInteractions interactions) {
		return new Customer(this.id, this.href, this.type, this.name, this.description, this.status, this.statusReason,
				this.validFor, this.engagedParty, this.engagedPartyResolution, this.contactMedium, this.characteristic,
				this.account, this.paymentMethod, this.creditProfile, this.relatedParty, this.agreement,
				this.dataSource, this.creationDate, this.lastUpdate, interactions);
	}

}
