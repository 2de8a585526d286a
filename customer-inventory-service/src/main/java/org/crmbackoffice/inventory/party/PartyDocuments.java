package org.crmbackoffice.inventory.party;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.crmbackoffice.model.party.Individual;
import org.crmbackoffice.model.party.Organization;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.model.party.PartyApi;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Translates between the TMF632 resources and the JSON document a party is stored as. */
final class PartyDocuments {

	/**
	 * Parties hold attributes kept as sent, so they are stored the way the API writes
	 * them.
	 */
	private static final JsonMapper DOCUMENTS = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private PartyDocuments() {
	}

	/**
	 * Path-absolute, so it stays right behind any proxy and in events written without a
	 * request.
	 */
	static String hrefOf(String partyType, UUID id) {
		return (Individual.TYPE.equals(partyType) ? PartyApi.INDIVIDUAL_PATH : PartyApi.ORGANIZATION_PATH) + "/" + id;
	}

	/**
	 * The party's storable document: without id and href, its dates as TMF632 writes
	 * them.
	 */
	static String write(Party party) {
		ObjectNode document = (ObjectNode) DOCUMENTS.valueToTree(party);
		document.remove("id");
		document.remove("href");
		for (String date : new String[] { "birthDate", "deathDate" }) {
			if (document.hasNonNull(date)) {
				document.put(date, dateTimeOf(document.get(date).asString()));
			}
		}
		return DOCUMENTS.writeValueAsString(document);
	}

	/** Whether a change of the party changed anything but its status. */
	static boolean sameApartFromStatus(Party before, Party after) {
		ObjectNode one = (ObjectNode) DOCUMENTS.valueToTree(before);
		ObjectNode other = (ObjectNode) DOCUMENTS.valueToTree(after);
		one.remove("status");
		other.remove("status");
		return one.equals(other);
	}

	static Party read(PartyEntity party) {
		Class<? extends Party> type = Individual.TYPE.equals(party.partyType()) ? Individual.class : Organization.class;
		return DOCUMENTS.readValue(party.document(), type)
			.identifiedAs(party.id().toString(), hrefOf(party.partyType(), party.id()));
	}

	/** A TMF632 date (a date, or the date-time of its start) as a calendar date. */
	static LocalDate dateOf(String date) {
		return (date != null) ? LocalDate.parse(date.substring(0, 10)) : null;
	}

	private static String dateTimeOf(String date) {
		return date.substring(0, 10) + "T00:00:00Z";
	}

}
