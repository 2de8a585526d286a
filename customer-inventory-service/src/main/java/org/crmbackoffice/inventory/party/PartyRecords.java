package org.crmbackoffice.inventory.party;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.model.party.Identification;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features of the inventory may learn about, or do to, a party: customers
 * create their party from its data and refer to it, privacy exports and erases it,
 * duplicate merging moves identifications. It answers whoever asks: the callers check
 * their own permissions.
 */
@Component
@Transactional(readOnly = true)
public class PartyRecords {

	private final PartyRepository parties;

	private final PartyService service;

	private final PartyEvents events;

	private final Clock clock;

	PartyRecords(PartyRepository parties, PartyService service, PartyEvents events, Clock clock) {
		this.parties = parties;
		this.service = service;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a party, in the caller's transaction, e.g. the one that creates the
	 * customer engaging it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public HeldParty create(Party party, String dataSource) {
		return HeldParty.of(this.service.store(party, dataSource));
	}

	/** The party of this id, if the inventory holds it and it is on the API. */
	public Optional<HeldParty> held(String id) {
		return ApiResponses.parseId(id)
			.flatMap(this.parties::findById)
			.filter((party) -> party.deletedAt() == null)
			.map(HeldParty::of);
	}

	/**
	 * @return the whole party, or empty if there is no such party
	 */
	public Optional<Party> find(UUID id) {
		return this.parties.findById(id).map(PartyDocuments::read);
	}

	/**
	 * Anonymises the party for a GDPR erasure, with the pseudonym its customer got; again
	 * changes nothing.
	 */
	@Transactional
	public void erase(UUID id, String pseudonym, Instant now, String author) {
		this.parties.findById(id)
			.filter((party) -> party.erasedAt() == null)
			.ifPresent((party) -> this.service.erase(party, pseudonym, now, author));
	}

	/**
	 * Moves the identifications the survivor's party lacks from the party of a merged
	 * duplicate to it, when both are parties of the same kind held here.
	 * @return how many moved
	 */
	@Transactional
	public int mergeIdentifications(UUID mergedPartyId, UUID survivorPartyId, String author) {
		Optional<PartyEntity> merged = this.parties.findById(mergedPartyId);
		Optional<PartyEntity> survivor = this.parties.findById(survivorPartyId);
		if (merged.isEmpty() || survivor.isEmpty() || mergedPartyId.equals(survivorPartyId)
				|| !merged.get().partyType().equals(survivor.get().partyType())) {
			return 0;
		}
		Party from = PartyDocuments.read(merged.get());
		Party into = PartyDocuments.read(survivor.get());
		List<Identification> moving = from.identifications()
			.stream()
			.filter((document) -> into.identifications().stream().noneMatch(document::sameDocument))
			.toList();
		if (moving.isEmpty()) {
			return 0;
		}
		List<Identification> kept = new ArrayList<>(from.identifications());
		kept.removeAll(moving);
		List<Identification> joined = new ArrayList<>(into.identifications());
		joined.addAll(moving);
		Instant now = this.clock.instant();
		rewrite(merged.get(), from, from.withIdentifications(kept), now, author);
		rewrite(survivor.get(), into, into.withIdentifications(joined), now, author);
		return moving.size();
	}

	private void rewrite(PartyEntity entity, Party before, Party after, Instant now, String author) {
		entity.take(after, PartyDocuments.write(after), now, author);
		this.parties.flush();
		this.events.changed(before, PartyDocuments.read(entity));
	}

	/**
	 * A party the inventory holds, as a customer refers to it.
	 *
	 * @param type {@code Individual} or {@code Organization}
	 */
	public record HeldParty(UUID id, String href, String name, String type) {

		static HeldParty of(PartyEntity party) {
			return new HeldParty(party.id(), PartyDocuments.hrefOf(party.partyType(), party.id()), party.name(),
					party.partyType());
		}

	}

}
