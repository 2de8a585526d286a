package org.crmbackoffice.interactions.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry.FieldChange;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.support.security.Caller;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the track record. A change is recorded as the difference between the
 * interaction as clients saw it before and after, attribute by attribute, so nothing a
 * client can see changes without an entry.
 */
@Component
public class InteractionHistory {

	/**
	 * Bookkeeping that every change moves; recording it would only repeat the entry's own
	 * time and author.
	 */
	private static final Set<String> NOT_RECORDED = Set.of("id", "href", "@type", "lastUpdate", "lastUpdatedBy",
			"statusChangeDate", "creationDate", "createdBy");

	/**
	 * A creation is an interaction's first entry: nothing can have been recorded of it
	 * before.
	 */
	private static final long FIRST_SEQUENCE = 1;

	private final HistoryRepository entries;

	private final JsonMapper json;

	private final JdbcTemplate jdbc;

	InteractionHistory(HistoryRepository entries, JsonMapper json, JdbcTemplate jdbc) {
		this.entries = entries;
		this.json = json;
		this.jdbc = jdbc;
	}

	/**
	 * The one exception to an immutable track record: for a GDPR erasure, the values of
	 * the given attributes are blanked in every entry of the interaction, while who
	 * changed what and when stays.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void scrub(UUID interactionId, Set<String> fields, String replacement) {
		for (HistoryEntryEntity entry : this.entries.findAllOf(interactionId)) {
			List<FieldChange> changes = this.json.readValue(entry.changes(), new TypeReference<List<FieldChange>>() {
			});
			List<FieldChange> scrubbed = changes.stream()
				.map((change) -> fields.contains(change.field()) ? new FieldChange(change.field(),
						(change.from() != null) ? replacement : null, (change.to() != null) ? replacement : null)
						: change)
				.toList();
			if (!scrubbed.equals(changes)) {
				this.jdbc.update(
						"update party_interaction_history set changes = ? where interaction_id = ? "
								+ "and sequence = ?",
						this.json.writeValueAsString(scrubbed), interactionId, entry.key().sequence());
			}
		}
	}

	/**
	 * Records what changed between two states of an interaction; nothing when nothing
	 * changed. Must run in the transaction that stores the change.
	 * @param before {@code null} for a creation
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(PartyInteraction before, PartyInteraction after, String action, Caller caller, String channel,
			Instant now) {
		record(before, after, action, caller, channel, now, List.of());
	}

	/**
	 * Records what changed between two states of an interaction, with details of how it
	 * came about that the interaction itself does not show, such as how a partner was
	 * authenticated. Must run in the transaction that stores the change.
	 * @param details recorded after the changed attributes
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(PartyInteraction before, PartyInteraction after, String action, Caller caller, String channel,
			Instant now, List<FieldChange> details) {
		List<FieldChange> changes = differences(before, after);
		changes.addAll(details);
		if (before != null && changes.isEmpty()) {
			return;
		}
		UUID id = UUID.fromString(after.id());
		long sequence = (before != null) ? this.entries.lastSequenceOf(id) + 1 : FIRST_SEQUENCE;
		this.entries.save(new HistoryEntryEntity(new HistoryKey(id, sequence), now, caller.subject(), caller.clientId(),
				channel, action, this.json.writeValueAsString(changes)));
	}

	/**
	 * Records something the enterprise did about the interaction without changing it,
	 * such as a message sent to the partner. Must run in the transaction that does it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordOutbound(UUID interactionId, String action, Caller caller, String channel,
			List<FieldChange> details, Instant now) {
		long sequence = this.entries.lastSequenceOf(interactionId) + 1;
		this.entries.save(new HistoryEntryEntity(new HistoryKey(interactionId, sequence), now, caller.subject(),
				caller.clientId(), channel, action, this.json.writeValueAsString(details)));
	}

	@Transactional(readOnly = true)
	public List<InteractionHistoryEntry> of(UUID interactionId) {
		return this.entries.findAllOf(interactionId)
			.stream()
			.map((entry) -> new InteractionHistoryEntry(entry.key().sequence(), entry.changedAt(), entry.changedBy(),
					entry.clientId(), entry.channel(), entry.action(),
					this.json.readValue(entry.changes(), new TypeReference<List<FieldChange>>() {
					})))
			.toList();
	}

	private List<FieldChange> differences(PartyInteraction before, PartyInteraction after) {
		JsonNode old = (before != null) ? this.json.valueToTree(before) : this.json.createObjectNode();
		JsonNode now = this.json.valueToTree(after);
		List<FieldChange> changes = new ArrayList<>();
		for (Map.Entry<String, JsonNode> field : now.properties()) {
			JsonNode previous = old.get(field.getKey());
			if (!NOT_RECORDED.contains(field.getKey()) && !field.getValue().equals(previous)
					&& !(previous == null && isEmpty(field.getValue()))) {
				changes.add(new FieldChange(field.getKey(), previous, field.getValue()));
			}
		}
		for (Map.Entry<String, JsonNode> field : old.properties()) {
			if (!NOT_RECORDED.contains(field.getKey()) && now.get(field.getKey()) == null) {
				changes.add(new FieldChange(field.getKey(), field.getValue(), null));
			}
		}
		return changes;
	}

	private static boolean isEmpty(JsonNode value) {
		return value.isNull() || (value.isArray() && value.isEmpty());
	}

}
