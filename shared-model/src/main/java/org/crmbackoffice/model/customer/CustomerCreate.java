package org.crmbackoffice.model.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * What a client sends to create a customer (TMF629 v5 {@code Customer_FVO}). The
 * inventory assigns the id, the status and the timestamps; agreements are created as
 * their own resource and then listed on the customer. The attributes of
 * {@code Customer_FVO} that the inventory sets itself or does not keep (id, href, status,
 * role, partyRoleSpecification, agreement) are accepted and ignored, so that a client
 * written to the specification works unchanged; any other unknown attribute is refused.
 *
 * @param engagedParty the individual or organization that is the customer, with its party
 * data
 * @param account refs to the customer's accounts, e.g.
 * {@code {"id":"acc-1","@referredType":"BillingAccount"}}
 * @param paymentMethod refs to the customer's payment methods
 * @param dataSource the system that feeds the record, e.g. {@code billing-migration}; the
 * caller's client id if absent, so that data-quality findings can be traced to it
 */
@JsonIgnoreProperties({ "id", "href", "status", "statusReason", "role", "partyRoleSpecification", "agreement" })
public record CustomerCreate(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
		@Valid TimePeriod validFor, @NotNull @Valid EngagedParty engagedParty,
		@Size(max = 50) List<@Valid ContactMedium> contactMedium,
		@Size(max = 100) List<@Valid Characteristic> characteristic, @Size(max = 50) List<@Valid EntityRef> account,
		@Size(max = 50) List<@Valid EntityRef> paymentMethod, @Size(max = 20) List<@Valid CreditProfile> creditProfile,
		@Size(max = 50) List<@Valid RelatedParty> relatedParty, @Size(max = 100) String dataSource) {

	public CustomerCreate {
		contactMedium = (contactMedium != null) ? contactMedium : List.of();
		characteristic = (characteristic != null) ? characteristic : List.of();
		account = (account != null) ? account : List.of();
		paymentMethod = (paymentMethod != null) ? paymentMethod : List.of();
		creditProfile = (creditProfile != null) ? creditProfile : List.of();
		relatedParty = (relatedParty != null) ? relatedParty : List.of();
	}

	/** A customer whose source is the calling client. */
	public CustomerCreate(String name, String description, TimePeriod validFor, EngagedParty engagedParty,
			List<ContactMedium> contactMedium, List<Characteristic> characteristic, List<EntityRef> account,
			List<EntityRef> paymentMethod, List<CreditProfile> creditProfile, List<RelatedParty> relatedParty) {
		this(name, description, validFor, engagedParty, contactMedium, characteristic, account, paymentMethod,
				creditProfile, relatedParty, null);
	}

	/** The same customer, fed by the given system. */
	public CustomerCreate fedBy(String source) {
		return new CustomerCreate(this.name, this.description, this.validFor, this.engagedParty, this.contactMedium,
				this.characteristic, this.account, this.paymentMethod, this.creditProfile, this.relatedParty, source);
	}

	/**
	 * A customer with just its name, party and contact media, as most front ends create
	 * one.
	 */
	public static CustomerCreate of(String name, EngagedParty engagedParty, List<ContactMedium> contactMedium) {
		return new CustomerCreate(name, null, null, engagedParty, contactMedium, null, null, null, null, null, null);
	}

}
