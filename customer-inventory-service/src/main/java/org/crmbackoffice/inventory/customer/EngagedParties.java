package org.crmbackoffice.inventory.customer;

import java.util.List;

import org.crmbackoffice.inventory.party.PartyRecords;
import org.crmbackoffice.inventory.party.PartyRecords.HeldParty;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.model.customer.PartyIdentification;
import org.crmbackoffice.model.party.Identification;
import org.crmbackoffice.model.party.Individual;
import org.crmbackoffice.model.party.Organization;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Turns the engaged party a client sends into the reference a customer stores. A
 * {@code PartyRef} to a party the inventory holds refers to it with the inventory's href
 * and name; a reference to any other id is a party held in another system, kept as sent.
 * A party sent by value, with its data ({@code @type} {@code Individual} or
 * {@code Organization}, this inventory's extension of TMF629 for front ends that create
 * both at once), becomes a party of its own, created in the customer's transaction.
 */
@Component
class EngagedParties {

	private final PartyRecords parties;

	EngagedParties(PartyRecords parties) {
		this.parties = parties;
	}

	/**
	 * @param dataSource the system that feeds the customer, and so the party it sends by
	 * value
	 */
	ResolvedParty forNewCustomer(EngagedParty party, String dataSource) {
		if (party.isReference()) {
			return referenceTo(party);
		}
		if (party.id() != null) {
			throw invalid("/engagedParty/id", "a party sent with its data gets its id from the inventory; to engage "
					+ "an existing party, send a PartyRef with its id");
		}
		return held(this.parties.create(valueOf(party), dataSource));
	}

	/**
	 * A change may refer the customer to another party, never change the party's data:
	 * that is changed on the party itself.
	 */
	ResolvedParty forChange(EngagedParty party) {
		if (!party.isReference()) {
			throw invalid("/engagedParty", "a customer's party is changed at its own href (PATCH "
					+ "/tmf-api/partyManagement/v5/individual/{id} or /organization/{id}); to engage another party, "
					+ "send a PartyRef with its id");
		}
		return referenceTo(party);
	}

	private ResolvedParty referenceTo(EngagedParty party) {
		return this.parties.held(party.id())
			.map(EngagedParties::held)
			.orElseGet(() -> new ResolvedParty(
					EngagedPartyValue.of(party.id(), party.href(), party.name(), party.referredType()), null));
	}

	private static ResolvedParty held(HeldParty party) {
		return new ResolvedParty(EngagedPartyValue.of(party.id().toString(), party.href(), party.name(), party.type()),
				party.id());
	}

	private static Party valueOf(EngagedParty party) {
		List<Identification> identifications = party.identification()
			.stream()
			.map(EngagedParties::identificationOf)
			.toList();
		if (party.isIndividual()) {
			return new Individual(null, null, Individual.TYPE, null, null, party.name(), party.givenName(),
					party.middleName(), party.familyName(), null, null, null, null, null, null, null, null, null, null,
					(party.birthDate() != null) ? party.birthDate().toString() : null, null, null, null, null,
					identifications.isEmpty() ? null : identifications, null, null, null, null, null, null, null, null,
					null, null, null);
		}
		String name = (party.name() != null && !party.name().isBlank()) ? party.name() : party.tradingName();
		return Organization.of(name, party.tradingName(), party.organizationType(),
				identifications.isEmpty() ? null : identifications);
	}

	private static Identification identificationOf(PartyIdentification identification) {
		return new Identification(null, identification.identificationType(), identification.identificationId(),
				identification.issuingAuthority(), null, identification.country(), identification.validFor(), null);
	}

	private static ApiProblemException invalid(String pointer, String detail) {
		return new ApiProblemException(ProblemType.INVALID_REQUEST, "The customer is not valid; see errors.",
				List.of(new FieldProblem(pointer, detail)), null);
	}

}
