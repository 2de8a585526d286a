package org.crmbackoffice.inventory.customer;

import java.util.Locale;
import java.util.Set;

import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.CustomerUpdate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.model.customer.v4.ContactMediumV4;
import org.crmbackoffice.model.customer.v4.ContactMediumV4.MediumCharacteristic;
import org.crmbackoffice.model.customer.v4.CustomerChangeV4;
import org.crmbackoffice.model.customer.v4.CustomerV4;
import org.crmbackoffice.model.customer.v4.RelatedPartyV4;

/**
 * Translates between TMF629 v4 and the v5 model the inventory keeps: one customer, two
 * wire versions. What v4 cannot say (party data held here, a medium's {@code @type} and
 * id) stays in the record when a v4 client changes something else.
 */
final class CustomerV4Mapper {

	static final String BASE_PATH = "/tmf-api/customerManagement/v4/customer";

	private CustomerV4Mapper() {
	}

	static String hrefOf(String id) {
		return BASE_PATH + "/" + id;
	}

	static CustomerV4 toV4(Customer customer) {
		return new CustomerV4(customer.id(), hrefOf(customer.id()), customer.type(), customer.name(),
				customer.description(), customer.status(), customer.statusReason(), customer.validFor(),
				engagedPartyV4(customer.engagedParty()), customer.engagedPartyResolution(),
				customer.contactMedium().stream().map(CustomerV4Mapper::mediumV4).toList(), customer.characteristic(),
				customer.account(), customer.paymentMethod(), customer.creditProfile(),
				customer.relatedParty().stream().map(CustomerV4Mapper::relatedPartyV4).toList(), customer.agreement(),
				customer.dataSource(), customer.creationDate(), customer.lastUpdate());
	}

	static CustomerCreate toCreate(CustomerChangeV4 request) {
		return new CustomerCreate(request.name(), request.description(), request.validFor(),
				engagedPartyV5(request.engagedParty()),
				request.contactMedium().stream().map(CustomerV4Mapper::mediumV5).toList(), request.characteristic(),
				request.account(), request.paymentMethod(), request.creditProfile(),
				request.relatedParty().stream().map(CustomerV4Mapper::relatedPartyV5).toList(), request.dataSource());
	}

	/**
	 * The changeable part of a customer as v4 shows it: what a v4 merge patch applies to.
	 */
	static CustomerChangeV4 toChange(Customer customer) {
		CustomerV4 v4 = toV4(customer);
		return new CustomerChangeV4(v4.name(), v4.description(), v4.status(), v4.statusReason(), v4.validFor(),
				v4.engagedParty(), v4.contactMedium(), v4.characteristic(), v4.account(), v4.paymentMethod(),
				v4.creditProfile(), v4.relatedParty(), v4.dataSource());
	}

	/**
	 * The v5 change a v4 client asked for. The engaged party, contact media and related
	 * parties are taken from the v4 request only when the patch named them, so that what
	 * v4 cannot express survives a change of something else.
	 * @param named the attributes the merge patch named
	 */
	static CustomerUpdate toUpdate(CustomerChangeV4 merged, Customer current, Set<String> named) {
		return new CustomerUpdate(merged.name(), merged.description(), merged.status(), merged.statusReason(),
				merged.validFor(),
				named.contains("engagedParty") ? engagedPartyV5(merged.engagedParty()) : current.engagedParty(),
				named.contains("contactMedium")
						? merged.contactMedium().stream().map(CustomerV4Mapper::mediumV5).toList()
						: current.contactMedium(),
				merged.characteristic(), merged.account(), merged.paymentMethod(), merged.creditProfile(),
				named.contains("relatedParty")
						? merged.relatedParty().stream().map(CustomerV4Mapper::relatedPartyV5).toList()
						: current.relatedParty());
	}

	/**
	 * A party whose data the inventory holds shows as a reference to its kind, with its
	 * name.
	 */
	private static RelatedPartyV4 engagedPartyV4(EngagedParty party) {
		if (party == null) {
			return null;
		}
		return new RelatedPartyV4(party.id(), party.href(), party.name(), null,
				party.isReference() ? party.referredType() : party.type(), RelatedPartyV4.TYPE);
	}

	/**
	 * In v4 the engaged party is always a reference: to a party the inventory does not
	 * hold.
	 */
	private static EngagedParty engagedPartyV5(RelatedPartyV4 party) {
		return (party == null) ? null
				: EngagedParty.reference(party.id(), party.href(), party.name(), party.referredType());
	}

	private static ContactMediumV4 mediumV4(ContactMedium medium) {
		return new ContactMediumV4(medium.mediumType(), medium.preferred(),
				new MediumCharacteristic(medium.contactType(), medium.emailAddress(), medium.phoneNumber(),
						medium.faxNumber(), medium.socialNetworkId(), medium.street1(), medium.street2(), medium.city(),
						medium.postCode(), medium.stateOrProvince(), medium.country()),
				medium.validFor(), "ContactMedium");
	}

	private static ContactMedium mediumV5(ContactMediumV4 medium) {
		MediumCharacteristic address = (medium.characteristic() != null) ? medium.characteristic()
				: new MediumCharacteristic(null, null, null, null, null, null, null, null, null, null, null);
		return new ContactMedium(null, null, medium.mediumType(), address.contactType(), medium.preferred(),
				medium.validFor(), address.emailAddress(), address.phoneNumber(), address.faxNumber(),
				address.socialNetworkId(), address.street1(), address.street2(), address.city(), address.postCode(),
				address.stateOrProvince(), address.country());
	}

	private static RelatedPartyV4 relatedPartyV4(RelatedParty party) {
		EntityRef ref = party.partyOrPartyRole();
		return new RelatedPartyV4(ref.id(), ref.href(), ref.name(), party.role(), ref.referredType(),
				RelatedPartyV4.TYPE);
	}

	/**
	 * v4 lets a related party go without a role, v5 does not: it takes part in the role
	 * its type names ({@code individual} for an Individual), or as {@code relatedParty}.
	 */
	private static RelatedParty relatedPartyV5(RelatedPartyV4 party) {
		String role = (party.role() != null && !party.role().isBlank()) ? party.role()
				: (party.referredType() != null && !party.referredType().isEmpty())
						? party.referredType().substring(0, 1).toLowerCase(Locale.ROOT)
								+ party.referredType().substring(1)
						: "relatedParty";
		return new RelatedParty(role, new EntityRef(party.id(), party.href(), party.name(), party.referredType()));
	}

}
