package org.crmbackoffice.interactions.satisfaction;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.interactions.analytics.InteractionFacts;
import org.crmbackoffice.interactions.history.InteractionHistory;
import org.crmbackoffice.interactions.interaction.InteractionRecords;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry.FieldChange;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.Satisfaction;
import org.crmbackoffice.model.interaction.SatisfactionCreate;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records how satisfied the partner was with a completed interaction. A partner answers
 * for its own interactions; an agent may record the answer a partner gave on the phone.
 * One answer per interaction, kept as given: a second one is refused rather than silently
 * replacing the first, which BI may already have taken.
 */
@Service
class SatisfactionSurvey {

	private final InteractionRecords interactions;

	private final InteractionHistory history;

	private final InteractionFacts facts;

	private final JdbcTemplate jdbc;

	private final CurrentCaller caller;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SatisfactionSurvey(InteractionRecords interactions, InteractionHistory history, InteractionFacts facts,
			JdbcTemplate jdbc, CurrentCaller caller, TransactionTemplate transaction, Clock clock) {
		this.interactions = interactions;
		this.history = history;
		this.facts = facts;
		this.jdbc = jdbc;
		this.caller = caller;
		this.transaction = transaction;
		this.clock = clock;
	}

	Satisfaction record(String id, SatisfactionCreate answer, String channel) {
		PartyInteraction interaction = this.interactions.visible(id);
		if (answer.csat() == null && answer.nps() == null) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST, "The answer has no score.",
					List.of(new FieldProblem("/csat", "give a csat score (1 to 5), an nps answer (0 to 10) or both")),
					null);
		}
		if (interaction.status() != InteractionStatus.COMPLETED) {
			throw new ApiProblemException(ProblemType.CONFLICT, "Interaction " + id + " is "
					+ interaction.status().value() + "; satisfaction is asked once it is completed.");
		}
		Caller current = this.caller.get();
		Satisfaction satisfaction = new Satisfaction(answer.csat(), answer.nps(), answer.feedback(),
				current.isPartner() ? Satisfaction.PARTNER : Satisfaction.AGENT, current.subject(),
				this.clock.instant());
		UUID interactionId = UUID.fromString(interaction.id());
		this.transaction.executeWithoutResult((status) -> {
			int stored = this.jdbc.update("""
					insert into interaction_satisfaction (interaction_id, csat, nps, feedback, respondent, recorded_by,
					                                      recorded_at)
					values (?, ?, ?, ?, ?, ?, ?) on conflict (interaction_id) do nothing""", interactionId,
					satisfaction.csat(), satisfaction.nps(), satisfaction.feedback(), satisfaction.respondent(),
					satisfaction.recordedBy(), Timestamp.from(satisfaction.recordedAt()));
			if (stored == 0) {
				throw new ApiProblemException(ProblemType.CONFLICT,
						"The satisfaction with interaction " + id + " was recorded already.");
			}
			this.history.recordOutbound(interactionId, "satisfactionRecorded", current, channel,
					changesOf(satisfaction), satisfaction.recordedAt());
			this.facts.refresh(interactionId, List.of());
		});
		return satisfaction;
	}

	Satisfaction of(String id) {
		PartyInteraction interaction = this.interactions.visible(id);
		return this.jdbc
			.query("""
					select csat, nps, feedback, respondent, recorded_by, recorded_at from interaction_satisfaction
					where interaction_id = ?""",
					(row, number) -> new Satisfaction(row.getObject("csat", Integer.class),
							row.getObject("nps", Integer.class), row.getString("feedback"), row.getString("respondent"),
							row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant()),
					UUID.fromString(interaction.id()))
			.stream()
			.findFirst()
			.orElseThrow(() -> new ApiProblemException(ProblemType.NOT_FOUND,
					"No satisfaction was recorded for interaction " + id + "."));
	}

	private static List<FieldChange> changesOf(Satisfaction satisfaction) {
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange("respondent", null, satisfaction.respondent()));
		if (satisfaction.csat() != null) {
			changes.add(new FieldChange("csat", null, satisfaction.csat()));
		}
		if (satisfaction.nps() != null) {
			changes.add(new FieldChange("nps", null, satisfaction.nps()));
		}
		return changes;
	}

}
