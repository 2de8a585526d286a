package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.support.web.ListParameters;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The TMF630 attribute filters of the interaction list, e.g. {@code status=inProgress},
 * {@code relatedChannel.channel.name=email},
 * {@code interactionDate.startDateTime.gte=2026-01-01T00:00:00Z}, {@code id=a,b}. Every
 * filter narrows the list; a filter this list does not know is refused rather than
 * ignored. Where TMF630 allows a list of values (comma-separated), any of them matches.
 */
final class InteractionQuery {

	static final String PARTY = "relatedParty.partyOrPartyRole.id";

	/**
	 * The order of lists unless a client asks for another, and always that of a party's
	 * timeline.
	 */
	static final Sort MOST_RECENT_FIRST = Sort.by(Sort.Order.desc("interactionStart"), Sort.Order.asc("id"));

	/** What the TMF API shows: deleted interactions stay in the log but not in lists. */
	static final Specification<PartyInteractionEntity> NOT_DELETED = (root, query, cb) -> cb
		.isNull(root.get("deletedAt"));

	private final List<Specification<PartyInteractionEntity>> filters;

	private final String partyOnly;

	private InteractionQuery(List<Specification<PartyInteractionEntity>> filters, String partyOnly) {
		this.filters = filters;
		this.partyOnly = partyOnly;
	}

	static InteractionQuery of(Map<String, String> parameters) {
		List<Specification<PartyInteractionEntity>> filters = new ArrayList<>();
		ListParameters.readFilters(parameters, (name, value) -> {
			switch (name) {
				case "id", "href" -> filters.add(idIn(ListParameters.resourceIds(name, value)));
				case PARTY, "relatedParty.id" -> filters.add(involvingParty(value));
				case "relatedParty.partyOrPartyRole.@referredType" ->
					filters.add(joined("relatedParties", "partyType", value));
				case "relatedParty.role" -> filters.add(joined("relatedParties", "role", value));
				case "relatedChannel.channel.id" -> filters.add(joined("channels", "channelId", value));
				case "relatedChannel.channel.name" -> filters.add(joined("channels", "channelName", value));
				case "relatedChannel.role" -> filters.add(joined("channels", "role", value));
				case "interactionItem.item.entity.id" -> filters.add(joined("items", "itemId", value));
				case "status" -> filters.add(in("status", values(value, InteractionQuery::statusOf)));
				case "direction" -> filters.add(in("direction", values(value, Function.identity())));
				case "reason" -> filters
					.add((root, query, cb) -> cb.equal(cb.lower(root.get("reason")), value.toLowerCase(Locale.ROOT)));
				case "customerCheck" -> filters.add(in("customerCheck",
						values(value, (each) -> CustomerCheck.valueOf(each.toUpperCase(Locale.ROOT)))));
				case "interactionDate.startDateTime.gt" -> {
					Instant from = ListParameters.instant(value);
					filters.add((root, query, cb) -> cb.greaterThan(root.get("interactionStart"), from));
				}
				case "interactionDate.startDateTime.gte" -> {
					Instant from = ListParameters.instant(value);
					filters.add((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("interactionStart"), from));
				}
				case "interactionDate.startDateTime.lt" -> {
					Instant to = ListParameters.instant(value);
					filters.add((root, query, cb) -> cb.lessThan(root.get("interactionStart"), to));
				}
				case "interactionDate.startDateTime.lte" -> {
					Instant to = ListParameters.instant(value);
					filters.add((root, query, cb) -> cb.lessThanOrEqualTo(root.get("interactionStart"), to));
				}
				default -> {
					return false;
				}
			}
			return true;
		});
		return new InteractionQuery(filters, (filters.size() == 1) ? partyOf(parameters) : null);
	}

	private static String partyOf(Map<String, String> parameters) {
		return (parameters.get(PARTY) != null) ? parameters.get(PARTY) : parameters.get("relatedParty.id");
	}

	/** The interactions in which the party takes part, in any role. */
	static Specification<PartyInteractionEntity> involvingParty(String partyId) {
		return joined("relatedParties", "partyId", partyId);
	}

	Specification<PartyInteractionEntity> specification() {
		return Specification.allOf(this.filters).and(NOT_DELETED);
	}

	Specification<PartyInteractionEntity> and(Specification<PartyInteractionEntity> more) {
		return specification().and(more);
	}

	boolean isEmpty() {
		return this.filters.isEmpty();
	}

	/**
	 * When the only filter is a party, the list is that party's timeline, served from its
	 * own index.
	 */
	String partyOnly() {
		return this.partyOnly;
	}

	/**
	 * An element of one of the interaction's lists (parties, channels, items) has the
	 * attribute's value.
	 */
	private static Specification<PartyInteractionEntity> joined(String collection, String attribute, String value) {
		List<String> any = values(value, Function.identity());
		return (root, query, cb) -> {
			query.distinct(true);
			return root.join(collection).get(attribute).in(any);
		};
	}

	private static Specification<PartyInteractionEntity> in(String attribute, List<?> values) {
		return (root, query, cb) -> root.get(attribute).in(values);
	}

	/**
	 * Ids that name no interaction of this service leave the list empty, as an unknown
	 * one does.
	 */
	private static Specification<PartyInteractionEntity> idIn(List<UUID> ids) {
		return (root, query, cb) -> ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids);
	}

	private static <T> List<T> values(String value, Function<String, T> reader) {
		return Arrays.stream(value.split(",")).map(String::trim).map(reader).toList();
	}

	private static InteractionStatus statusOf(String value) {
		for (InteractionStatus status : InteractionStatus.values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw new ListParameters.InvalidFilterValueException(
				"the statuses are " + Arrays.stream(InteractionStatus.values()).map(InteractionStatus::value).toList());
	}

}
