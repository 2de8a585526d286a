package org.crmbackoffice.interactions.interaction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.crmbackoffice.interactions.access.InteractionAccess;
import org.crmbackoffice.interactions.customer.CustomerReferences;
import org.crmbackoffice.interactions.customer.CustomerVerification;
import org.crmbackoffice.interactions.analytics.InteractionFacts;
import org.crmbackoffice.interactions.history.InteractionHistory;
import org.crmbackoffice.interactions.notification.PartnerMessages;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.interaction.InteractionRelationship;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyInteractionUpdate;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.MergePatcher;
import org.crmbackoffice.support.web.MergePatches;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the interaction log: logs, changes, cancels and shows interactions, and records
 * every change in the track record. Calls to the customer inventory happen outside
 * database transactions, so that a slow inventory never holds a connection. A business
 * partner logs and sees only interactions it takes part in; any other is as unknown to it
 * as one that does not exist.
 */
@Service
class PartyInteractionService {

	private final MergePatcher patches;

	private final PartyInteractionRepository interactions;

	private final CustomerReferences customerReferences;

	private final InteractionHistory history;

	private final InteractionEvents events;

	private final PartnerMessages partnerMessages;

	private final IdempotencyKeys idempotencyKeys;

	private final SensitiveReasons sensitiveReasons;

	private final InteractionChecks checks;

	private final CurrentCaller caller;

	private final Clock clock;

	private final InteractionFacts facts;

	private final ChannelCatalogue channels;

	private final TransactionTemplate writing;

	private final TransactionTemplate reading;

	PartyInteractionService(PartyInteractionRepository interactions, CustomerReferences customerReferences,
			InteractionHistory history, InteractionEvents events, PartnerMessages partnerMessages,
			IdempotencyKeys idempotencyKeys, SensitiveReasons sensitiveReasons, InteractionChecks checks,
			CurrentCaller caller, Clock clock, InteractionFacts facts, ChannelCatalogue channels,
			PlatformTransactionManager transactions, MergePatcher patches) {
		this.patches = patches;
		this.interactions = interactions;
		this.channels = channels;
		this.facts = facts;
		this.customerReferences = customerReferences;
		this.history = history;
		this.events = events;
		this.partnerMessages = partnerMessages;
		this.idempotencyKeys = idempotencyKeys;
		this.sensitiveReasons = sensitiveReasons;
		this.checks = checks;
		this.caller = caller;
		this.clock = clock;
		this.writing = new TransactionTemplate(transactions);
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	/**
	 * Logs a new interaction. With an idempotency key, a repeat of the same request
	 * answers with the interaction the first one logged.
	 */
	Created create(PartyInteractionCreate request, String idempotencyKey, String channel) {
		Caller current = this.caller.get();
		InteractionChecks.checkPartnerTakesPart(current, request.relatedParty());
		if (idempotencyKey != null) {
			Optional<Created> replay = replayOf(current, idempotencyKey, request);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		CustomerCheck check = checkOf(this.customerReferences.verify(request.relatedParty()));
		AuthenticationLevel level = current.isPartner() ? AuthenticationLevel.AUTHENTICATED
				: (request.authenticationLevel() != null) ? request.authenticationLevel()
						: AuthenticationLevel.ANONYMOUS;
		Instant now = this.clock.instant();
		InteractionContent content = PartyInteractionMapper.contentOf(request, level, now, current.subject(),
				this.channels);
		InteractionStatus initial = (request.status() != null) ? request.status() : InteractionStatus.OPENED;
		InteractionChecks.checkMayMove(current, InteractionStatus.OPENED, initial);
		this.sensitiveReasons.checkMayProceed(request.reason(), level, InteractionStatus.OPENED, initial);
		try {
			return this.writing.execute((status) -> {
				this.checks.checkRelatedInteractionsExist(content);
				PartyInteractionEntity logged = new PartyInteractionEntity(content, check, now, current.subject());
				logged.moveTo(initial, now, current.subject());
				PartyInteractionEntity saved = this.interactions.saveAndFlush(logged);
				PartyInteraction created = PartyInteractionMapper.toResource(saved);
				this.history.record(null, created, "created", current, channel, now);
				this.facts.refresh(saved.id(), followedUpBy(created));
				this.events.created(created);
				if (idempotencyKey != null) {
					this.idempotencyKeys.remember(current.subject(), idempotencyKey, request, created.id());
				}
				return new Created(created, saved.version(), false);
			});
		}
		catch (DuplicateKeyException ex) {
			// A concurrent request with the same key won; its interaction is the answer.
			return replayOf(current, idempotencyKey, request).orElseThrow(() -> ex);
		}
	}

	Versioned retrieve(String id) {
		Caller current = this.caller.get();
		return this.reading.execute((status) -> {
			PartyInteractionEntity entity = visible(id, current);
			return new Versioned(PartyInteractionMapper.toResource(entity), entity.version());
		});
	}

	/**
	 * A party's timeline in the default order is read from its own index; everything else
	 * through the filters.
	 */
	Page<PartyInteraction> list(InteractionQuery query, Pageable page) {
		Caller current = this.caller.get();
		if (current.isPartner() && current.partyId() == null) {
			return Page.empty(page);
		}
		String timeline = current.isPartner() ? (query.isEmpty() ? current.partyId() : null) : query.partyOnly();
		if (timeline != null && page.getSort().equals(InteractionQuery.MOST_RECENT_FIRST)) {
			return this.reading.execute((status) -> new PageImpl<>(
					this.interactions.timelineOf(timeline, page.getPageSize(), page.getOffset())
						.stream()
						.map(PartyInteractionMapper::toResource)
						.toList(),
					page, this.interactions.timelineLengthOf(timeline)));
		}
		Specification<PartyInteractionEntity> filter = current.isPartner()
				? query.and(InteractionQuery.involvingParty(current.partyId())) : query.specification();
		return this.reading
			.execute((status) -> this.interactions.findAll(filter, page).map(PartyInteractionMapper::toResource));
	}

	/**
	 * The track record of an interaction the caller may see. Auditors see it also once
	 * the interaction was deleted from the API: deleting is not erasing history.
	 */
	List<InteractionHistoryEntry> history(String id) {
		Caller current = this.caller.get();
		UUID found = this.reading.execute((status) -> ApiResponses.parseId(id)
			.flatMap(this.interactions::findById)
			.filter((interaction) -> current.may(InteractionAccess.AUDIT_READ) || isVisible(interaction, current))
			.map(PartyInteractionEntity::id)
			.orElseThrow(() -> ApiProblemException.notFound("party interaction", id)));
		return this.history.of(found);
	}

	/**
	 * Applies a JSON merge patch (RFC 7386) to the changeable part of the interaction.
	 * @param expectedVersion the version the client read ({@code If-Match}), or
	 * {@code null} to take the current one
	 */
	Versioned patch(String id, JsonNode patch, Long expectedVersion, String channel) {
		return change(id, (interaction) -> merged(interaction, patch), expectedVersion, channel);
	}

	/**
	 * Changes an interaction to what the given function makes of it, e.g. a merge patch
	 * of another API version.
	 * @param change from the interaction as it is to its changeable part as it should be
	 */
	Versioned change(String id, Function<PartyInteraction, PartyInteractionUpdate> change, Long expectedVersion,
			String channel) {
		Caller current = this.caller.get();
		Versioned before = retrieve(id);
		MergePatches.checkVersion(before.version(), expectedVersion);
		return change(before, change.apply(before.interaction()), current, channel);
	}

	/**
	 * Takes an interaction off the TMF API (TMF683 DELETE): it answers 404 from then on
	 * and a {@code PartyInteractionDeleteEvent} tells the listeners, while the log keeps
	 * it with its track record for auditors, exports and erasure. Withdrawing an
	 * interaction that should not go on is cancelling it instead.
	 */
	void delete(String id, Long expectedVersion, String channel) {
		Caller current = this.caller.get();
		Versioned before = retrieve(id);
		MergePatches.checkVersion(before.version(), expectedVersion);
		Instant now = this.clock.instant();
		this.writing.executeWithoutResult((status) -> {
			PartyInteractionEntity entity = visible(id, current);
			MergePatches.checkVersion(entity.version(), before.version());
			entity.delete(now, current.subject());
			this.interactions.flush();
			this.history.recordOutbound(entity.id(), "deleted", current, channel, List.of(), now);
			this.events.deleted(PartyInteractionMapper.toResource(entity));
		});
	}

	Versioned addNote(String id, Note note, String channel) {
		Caller current = this.caller.get();
		Versioned before = retrieve(id);
		PartyInteractionUpdate update = PartyInteractionMapper.toUpdate(before.interaction());
		List<Note> notes = new ArrayList<>(update.note());
		notes.add(note);
		return change(before, PartyInteractionMapper.withNotes(update, notes), current, channel);
	}

	/**
	 * The interaction was read in a transaction of its own and is read again in the one
	 * that writes, with its version checked: the customer inventory is asked about added
	 * parties in between, outside any transaction, so that a slow inventory holds no
	 * connection, and a change made meanwhile by someone else answers 412.
	 */
	private Versioned change(Versioned before, PartyInteractionUpdate update, Caller current, String channel) {
		PartyInteraction old = before.interaction();
		InteractionChecks.checkMayMove(current, old.status(), update.status());
		this.sensitiveReasons.checkMayProceed(update.reason(), update.authenticationLevel(), old.status(),
				update.status());
		InteractionChecks.checkNotesOnlyAdded(old.note(), update.note());
		List<RelatedPartyOrPartyRole> addedParties = update.relatedParty()
			.stream()
			.filter((party) -> !old.relatedParty().contains(party))
			.toList();
		CustomerCheck check = checkOf(this.customerReferences.verify(addedParties));
		Instant now = this.clock.instant();
		InteractionContent content = PartyInteractionMapper.contentOf(update, now, current.subject(), this.channels);
		return this.writing.execute((status) -> {
			PartyInteractionEntity entity = visible(old.id(), current);
			MergePatches.checkVersion(entity.version(), before.version());
			this.checks.checkRelatedInteractionsExist(content);
			entity.replaceContent(content, now, current.subject());
			entity.moveTo(update.status(), now, current.subject());
			if (check == CustomerCheck.PENDING) {
				entity.customerCheckCompleted(CustomerCheck.PENDING, now);
			}
			this.interactions.flush();
			PartyInteraction after = PartyInteractionMapper.toResource(entity);
			InteractionChange change = InteractionChange.of(old, after);
			this.history.record(old, after, change.action(), current, channel, now);
			Set<UUID> followedUp = new HashSet<>(followedUpBy(old));
			followedUp.addAll(followedUpBy(after));
			this.facts.refresh(entity.id(), followedUp);
			this.events.changed(change);
			this.partnerMessages.oweFor(old, after);
			return new Versioned(after, entity.version());
		});
	}

	/** The interactions this one says it follows up. */
	private static List<UUID> followedUpBy(PartyInteraction interaction) {
		return interaction.interactionRelationship()
			.stream()
			.filter((relationship) -> relationship.relationshipType().equals(InteractionRelationship.FOLLOW_UP_OF))
			.map((relationship) -> ApiResponses.parseId(relationship.id()))
			.flatMap(Optional::stream)
			.toList();
	}

	private PartyInteractionUpdate merged(PartyInteraction current, JsonNode patch) {
		return this.patches.apply(PartyInteractionMapper.toUpdate(current), patch, PartyInteractionUpdate.class);
	}

	private Optional<Created> replayOf(Caller current, String idempotencyKey, PartyInteractionCreate request) {
		return this.idempotencyKeys.previousResult(current.subject(), idempotencyKey, request).map((id) -> {
			Versioned first = retrieve(id);
			return new Created(first.interaction(), first.version(), true);
		});
	}

	private PartyInteractionEntity visible(String id, Caller current) {
		return ApiResponses.parseId(id)
			.flatMap(this.interactions::findById)
			.filter((interaction) -> isVisible(interaction, current))
			.orElseThrow(() -> ApiProblemException.notFound("party interaction", id));
	}

	/**
	 * Deleted interactions are gone from the API; a partner sees only those it takes part
	 * in.
	 */
	private static boolean isVisible(PartyInteractionEntity interaction, Caller current) {
		return !interaction.isDeleted() && (!current.isPartner() || interaction.involvesParty(current.partyId()));
	}

	private static CustomerCheck checkOf(CustomerVerification verification) {
		return (verification == CustomerVerification.VERIFIED) ? CustomerCheck.VERIFIED : CustomerCheck.PENDING;
	}

	/** An interaction with the version its {@code ETag} names. */
	record Versioned(PartyInteraction interaction, long version) {
	}

	/**
	 * The answer to a create: {@code replayed} when an earlier request with the same key
	 * logged it.
	 */
	record Created(PartyInteraction interaction, long version, boolean replayed) {
	}

}
