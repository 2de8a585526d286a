package org.crmbackoffice.inventory.party;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmbackoffice.model.party.Individual;
import org.crmbackoffice.model.party.Organization;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.persistence.TimeOrderedIds;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.MergePatcher;
import org.crmbackoffice.support.web.MergePatches;
import org.crmbackoffice.support.web.OffsetLimit;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Page;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the individuals and organizations. A business partner sees the party its own
 * customer record engages and no other; any other id is as unknown to it as one that does
 * not exist.
 */
@Service
@Transactional(readOnly = true)
class PartyService {

	private final MergePatcher patches;

	private final PartyRepository parties;

	private final PartySearch search;

	private final EngagingCustomers customers;

	private final PartyEvents events;

	private final CurrentCaller caller;

	private final IdempotencyKeys idempotencyKeys;

	private final Clock clock;

	PartyService(PartyRepository parties, PartySearch search, EngagingCustomers customers, PartyEvents events,
			CurrentCaller caller, IdempotencyKeys idempotencyKeys, Clock clock, MergePatcher patches) {
		this.patches = patches;
		this.parties = parties;
		this.search = search;
		this.customers = customers;
		this.events = events;
		this.caller = caller;
		this.idempotencyKeys = idempotencyKeys;
		this.clock = clock;
	}

	/**
	 * Creates a party; with an idempotency key, a repeat of the same request answers with
	 * the first party.
	 */
	@Transactional
	Versioned create(Party request, String idempotencyKey) {
		Caller current = this.caller.get();
		return this.idempotencyKeys.createOnce(current.subject(), idempotencyKey, request,
				(firstId) -> retrieve(request.getClass(), firstId), () -> {
					PartyEntity party = store(request, current.clientId());
					return new Versioned(PartyDocuments.read(party), party.version());
				}, (created) -> created.party().id());
	}

	/**
	 * Stores a new party and tells of it; for this feature and for customers created with
	 * their party's data.
	 */
	PartyEntity store(Party request, String dataSource) {
		checkDates(request);
		Caller current = this.caller.get();
		UUID id = TimeOrderedIds.next();
		Party party = request.identifiedAs(id.toString(), PartyDocuments.hrefOf(typeOf(request), id));
		PartyEntity entity = this.parties.saveAndFlush(new PartyEntity(id, party, PartyDocuments.write(party),
				this.clock.instant(), current.subject(), dataSource));
		this.events.created(PartyDocuments.read(entity));
		return entity;
	}

	Versioned retrieve(Class<? extends Party> kind, String id) {
		PartyEntity party = visible(kind, id);
		return new Versioned(PartyDocuments.read(party), party.version());
	}

	/**
	 * Applies a JSON merge patch; id, href and {@code @type} stay the inventory's.
	 * @param expectedVersion the version the client read ({@code If-Match}), or
	 * {@code null} to take the current one
	 */
	@Transactional
	<P extends Party> Versioned patch(Class<P> kind, String id, JsonNode patch, Long expectedVersion) {
		PartyEntity party = visible(kind, id);
		if (party.erasedAt() != null) {
			throw new ApiProblemException(ProblemType.CONFLICT,
					"Party " + id + " was erased on request and cannot change any more.");
		}
		MergePatches.checkVersion(party.version(), expectedVersion);
		P before = kind.cast(PartyDocuments.read(party));
		Party patched = this.patches.apply(before, patch, kind);
		checkDates(patched);
		Party after = patched.identifiedAs(before.id(), before.href());
		party.take(after, PartyDocuments.write(after), this.clock.instant(), this.caller.get().subject());
		this.parties.flush();
		Party shown = PartyDocuments.read(party);
		if (!Objects.equals(before.displayName(), shown.displayName())) {
			this.customers.renamed(party.id(), shown.displayName());
		}
		this.events.changed(before, shown);
		return new Versioned(shown, party.version());
	}

	/**
	 * One page of the parties of this kind that the filters find, newest first, with
	 * their total.
	 */
	Page<Party> list(Class<? extends Party> kind, Map<String, String> filters, OffsetLimit page) {
		Caller current = this.caller.get();
		PartySearch.Query query = PartySearch.Query.of(typeOf(kind), filters);
		if (current.isPartner()) {
			Optional<UUID> own = ApiResponses.parseId(String.valueOf(current.partyId()))
				.flatMap(this.customers::partyOf);
			if (own.isEmpty()) {
				return Page.empty(page);
			}
			query = query.only(own.get());
		}
		List<UUID> ids = this.search.idsOf(query, page.getOffset(), page.getPageSize());
		Map<UUID, PartyEntity> found = this.parties.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(PartyEntity::id, Function.identity()));
		List<Party> content = ids.stream().map(found::get).filter(Objects::nonNull).map(PartyDocuments::read).toList();
		PartySearch.Query counted = query;
		return PageableExecutionUtils.getPage(content, page, () -> this.search.count(counted));
	}

	/**
	 * @throws ApiProblemException 409 while a customer on the API engages the party: its
	 * customer is deleted or erased first
	 */
	void checkDeletable(Class<? extends Party> kind, String id) {
		List<UUID> engaging = this.customers.of(visible(kind, id).id());
		if (!engaging.isEmpty()) {
			throw new ApiProblemException(ProblemType.CONFLICT,
					"Party " + id + " is engaged by customer(s) " + engaging + "; delete or erase them first.",
					Map.of("engagingCustomers", engaging));
		}
	}

	/**
	 * Deletes a party no customer engages any more. As with customers, deleting is
	 * erasing: the party is anonymised and taken off the API; its row stays for the
	 * trail.
	 * @param pseudonym what the interaction log calls the party since it was erased there
	 */
	@Transactional
	void delete(Class<? extends Party> kind, String id, String pseudonym) {
		checkDeletable(kind, id);
		PartyEntity party = visible(kind, id);
		Instant now = this.clock.instant();
		String author = this.caller.get().subject();
		if (party.erasedAt() == null) {
			erase(party, pseudonym, now, author);
		}
		party.delete(now, author);
		this.parties.flush();
		this.events.deleted(PartyDocuments.read(party));
	}

	void erase(PartyEntity party, String pseudonym, Instant now, String author) {
		Party before = PartyDocuments.read(party);
		Party erased = PartyErasure.of(before, pseudonym);
		party.erase(erased, PartyDocuments.write(erased), now, author);
		this.parties.flush();
		this.events.erased(before, PartyDocuments.read(party));
	}

	private PartyEntity visible(Class<? extends Party> kind, String id) {
		Caller current = this.caller.get();
		return ApiResponses.parseId(id)
			.filter((candidate) -> !current.isPartner() || ApiResponses.parseId(String.valueOf(current.partyId()))
				.flatMap(this.customers::partyOf)
				.filter(candidate::equals)
				.isPresent())
			.flatMap(this.parties::findById)
			.filter((found) -> found.deletedAt() == null && found.partyType().equals(typeOf(kind)))
			.orElseThrow(() -> ApiProblemException.notFound(typeOf(kind).toLowerCase(Locale.ROOT), id));
	}

	/** Birth and death dates are days of the calendar and of the past, in order. */
	private void checkDates(Party party) {
		if (!(party instanceof Individual individual)) {
			return;
		}
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate birth = dateAt("birthDate", individual.birthDate(), problems);
		LocalDate death = dateAt("deathDate", individual.deathDate(), problems);
		if (birth != null && !birth.isBefore(LocalDate.now(this.clock))) {
			problems.add(new FieldProblem("/birthDate", "must be in the past"));
		}
		if (birth != null && death != null && death.isBefore(birth)) {
			problems.add(new FieldProblem("/deathDate", "must not be before the birthDate"));
		}
		if (!problems.isEmpty()) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST, "The party is not valid; see errors.", problems,
					null);
		}
	}

	private static LocalDate dateAt(String attribute, String value, List<FieldProblem> problems) {
		try {
			return PartyDocuments.dateOf(value);
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("/" + attribute, "'" + value + "' is no day of the calendar"));
			return null;
		}
	}

	static String typeOf(Party party) {
		return typeOf(party.getClass());
	}

	static String typeOf(Class<? extends Party> kind) {
		return (kind == Individual.class) ? Individual.TYPE : Organization.TYPE;
	}

	/** A party with the version its {@code ETag} names. */
	record Versioned(Party party, long version) {
	}

}
