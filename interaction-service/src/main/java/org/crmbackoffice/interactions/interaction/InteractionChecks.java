package org.crmbackoffice.interactions.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.crmbackoffice.interactions.access.InteractionAccess;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.stereotype.Component;

/**
 * The rules an interaction that is logged or changed must meet besides its lifecycle
 * ({@link InteractionLifecycle}) and its sensitive reasons ({@link SensitiveReasons}):
 * who may cancel, what a partner may log, that notes are only added, and that related
 * interactions exist.
 */
@Component
class InteractionChecks {

	private final PartyInteractionRepository interactions;

	InteractionChecks(PartyInteractionRepository interactions) {
		this.interactions = interactions;
	}

	static void checkMayMove(Caller current, InteractionStatus from, InteractionStatus to) {
		if (to == InteractionStatus.CANCELLED && from != InteractionStatus.CANCELLED
				&& !current.may(InteractionAccess.INTERACTION_CANCEL)) {
			throw new ApiProblemException(ProblemType.FORBIDDEN, "Only a supervisor may cancel an interaction.");
		}
		InteractionLifecycle.checkMove(from, to);
	}

	void checkRelatedInteractionsExist(InteractionContent content) {
		List<String> related = PartyInteractionMapper.relatedInteractionIds(content);
		List<FieldProblem> unknown = new ArrayList<>();
		for (int i = 0; i < related.size(); i++) {
			// Only an id this service could have issued must exist here; others name
			// interactions logged elsewhere.
			if (ApiResponses.parseId(related.get(i))
				.filter((logged) -> !this.interactions.existsById(logged))
				.isPresent()) {
				unknown.add(new FieldProblem("/interactionRelationship/" + i + "/id",
						"No party interaction with id " + related.get(i) + "."));
			}
		}
		if (!unknown.isEmpty()) {
			throw new ApiProblemException(ProblemType.UNKNOWN_REFERENCE,
					"The interaction relates to interactions that do not exist.", unknown, null);
		}
	}

	static void checkPartnerTakesPart(Caller current, List<RelatedPartyOrPartyRole> parties) {
		if (current.isPartner() && parties.stream().noneMatch((party) -> party.partyId().equals(current.partyId()))) {
			throw new ApiProblemException(ProblemType.FORBIDDEN,
					"A business partner logs only interactions it takes part in: name party " + current.partyId()
							+ " among the related parties.");
		}
	}

	/**
	 * Compares what a note says, not the {@code @type} a client may leave out when it
	 * sends the notes back.
	 */
	static void checkNotesOnlyAdded(List<Note> before, List<Note> after) {
		boolean kept = after.size() >= before.size()
				&& IntStream.range(0, before.size()).allMatch((i) -> sameNote(before.get(i), after.get(i)));
		if (!kept) {
			throw new ApiProblemException(ProblemType.CONFLICT,
					"Notes are part of the track record: new notes can be added after the existing ones, "
							+ "but existing notes cannot be changed or removed.");
		}
	}

	private static boolean sameNote(Note stored, Note sent) {
		return Objects.equals(stored.id(), sent.id()) && Objects.equals(stored.author(), sent.author())
				&& Objects.equals(stored.text(), sent.text()) && sent.date() != null
				&& stored.date().isEqual(sent.date());
	}

}
