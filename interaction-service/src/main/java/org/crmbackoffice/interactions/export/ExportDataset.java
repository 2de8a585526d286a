package org.crmbackoffice.interactions.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.InteractionStatus;

/**
 * What one export endpoint reads: its table (with the joins only its rows need, not their
 * keys), the keysets it is ordered by in each mode, the SQL of each filter, and its
 * columns. The columns are the documented, stable contract with BI: new ones are added at
 * the end, none changes meaning.
 */
record ExportDataset(String name, String from, String joins, String time, Map<ExportMode, List<ExportKey>> keys,
		Map<String, String> filters, List<ExportColumn> columns) {

	static final String PARTY = "party";

	static final String CHANNEL = "channel";

	static final String REASON = "reason";

	static final String STATUS = "status";

	static final Map<String, String> STATUS_CODES = codes(InteractionStatus.values(), InteractionStatus::value);

	static final ExportDataset INTERACTIONS = new ExportDataset("partyInteraction", "party_interaction i",
			// One index scan per interaction reads all of its parties' columns.
			"""
					left join lateral (
					    select array_agg(p.party_id order by p.position) as ids,
					           array_agg(p.role order by p.position) as roles,
					           array_agg(p.party_type order by p.position) as types
					    from party_interaction_related_party p where p.interaction_id = i.id) parties on true""",
			"i.interaction_start",
			Map.of(ExportMode.RANGE,
					List.of(new ExportKey("i.interaction_start", ExportKey.Type.TIMESTAMP),
							new ExportKey("i.id", ExportKey.Type.UUID)),
					ExportMode.CHANGES,
					List.of(new ExportKey("i.change_xid", ExportKey.Type.TRANSACTION),
							new ExportKey("i.id", ExportKey.Type.UUID))),
			Map.of(PARTY, """
					exists (select 1 from party_interaction_related_party p
					        where p.interaction_id = i.id and p.party_id = ?)""", CHANNEL, """
					exists (select 1 from party_interaction_channel c
					        where c.interaction_id = i.id and coalesce(c.channel_name, c.channel_id) = ?)""", REASON,
					"lower(i.reason) = lower(?)", STATUS, "i.status = ?"),
			List.of(ExportColumn.text("id", "i.id::text", "the interaction's id (UUID)"),
					ExportColumn.integer("version", "i.version",
							"moves with every change; an incremental export sends each version at most once"),
					ExportColumn.code("status", "i.status", STATUS_CODES, "the lifecycle status"),
					ExportColumn.timestamp("statusChangeDate", "i.status_change_date", "when the status last moved"),
					ExportColumn.text("direction", "i.direction",
							"who started it (inbound, outbound or another TMF683 direction); empty when unknown"),
					ExportColumn.text("reason", "i.reason", "why the partner or the enterprise got in touch"),
					ExportColumn.text("description", "i.description",
							"free text; [erased] after a GDPR erasure of a party"),
					ExportColumn.timestamp("startDateTime", "i.interaction_start", "when the interaction started"),
					ExportColumn.timestamp("endDateTime", "i.interaction_end", "when it ended; empty while open"),
					ExportColumn.timestamp("dueDate", "i.due_date", "when it should be completed; may be empty"),
					ExportColumn.code("authenticationLevel", "i.authentication_level",
							codes(AuthenticationLevel.values(), AuthenticationLevel::value),
							"how sure the enterprise was of the partner"),
					ExportColumn.code("customerCheck", "i.customer_check",
							Map.of("VERIFIED", "verified", "PENDING", "pending", "REJECTED", "rejected"),
							"whether the customer inventory confirmed the customers it names"),
					ExportColumn.list("channels", """
							array(select coalesce(c.channel_name, c.channel_id) from party_interaction_channel c
							      where c.interaction_id = i.id order by c.position)""",
							"the channel names, in the order given (phone, email, chat, ...)"),
					ExportColumn.list("partyIds", "coalesce(parties.ids, '{}')",
							"the related parties' ids, in the order given"),
					ExportColumn.list("partyRoles", "coalesce(parties.roles, '{}')",
							"each related party's role, in the order of partyIds"),
					ExportColumn.list("partyTypes", "coalesce(parties.types, '{}')",
							"each related party's @referredType (Customer, Individual, ...), in the order of partyIds"),
					ExportColumn.timestamp("creationDate", "i.created_at", "when it was logged"),
					ExportColumn.timestamp("lastUpdate", "i.updated_at", "when it last changed"),
					ExportColumn.text("createdBy", "i.created_by", "who logged it (token subject)"),
					ExportColumn.text("lastUpdatedBy", "i.updated_by", "who last changed it (token subject)")));

	static final ExportDataset HISTORY_ENTRIES = new ExportDataset("historyEntry", "party_interaction_history h", "",
			"h.changed_at",
			Map.of(ExportMode.RANGE,
					List.of(new ExportKey("h.changed_at", ExportKey.Type.TIMESTAMP),
							new ExportKey("h.interaction_id", ExportKey.Type.UUID),
							new ExportKey("h.sequence", ExportKey.Type.NUMBER)),
					ExportMode.CHANGES,
					List.of(new ExportKey("h.change_xid", ExportKey.Type.TRANSACTION),
							new ExportKey("h.interaction_id", ExportKey.Type.UUID),
							new ExportKey("h.sequence", ExportKey.Type.NUMBER))),
			Map.of(PARTY, """
					exists (select 1 from party_interaction_related_party p
					        where p.interaction_id = h.interaction_id and p.party_id = ?)""", CHANNEL, "h.channel = ?",
					REASON, """
							exists (select 1 from party_interaction i
							        where i.id = h.interaction_id and lower(i.reason) = lower(?))""", STATUS, """
							exists (select 1 from party_interaction i
							        where i.id = h.interaction_id and i.status = ?)"""),
			List.of(ExportColumn.text("interactionId", "h.interaction_id::text", "the interaction it belongs to"),
					ExportColumn.integer("sequence", "h.sequence",
							"its place in the interaction's track record, from 1"),
					ExportColumn.timestamp("changedAt", "h.changed_at", "when the change happened"),
					ExportColumn.text("changedBy", "h.changed_by", "who made it (token subject)"),
					ExportColumn.text("clientId", "h.client_id", "the OAuth2 client it came through"),
					ExportColumn.text("channel", "h.channel",
							"the channel it came through (the X-Channel header); may be empty"),
					ExportColumn.text("action", "h.action",
							"what happened: created, updated, statusChanged, cancelled, noteAdded, customerChecked, partnerNotified, "
									+ "partnerMessageLogged (development installations only) or erased"),
					ExportColumn.json("changes", "h.changes",
							"the changed attributes, a JSON array of {field, from, to}")));

	List<ExportKey> keysOf(ExportMode mode) {
		return this.keys.get(mode);
	}

	private static <E extends Enum<E>> Map<String, String> codes(E[] values, Function<E, String> code) {
		return Arrays.stream(values).collect(Collectors.toMap(Enum::name, code));
	}

	/** The stored code of a status given as clients know it ({@code inProgress}). */
	static String storedStatus(String value) {
		return STATUS_CODES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(value))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(value.toLowerCase(Locale.ROOT)));
	}

}
