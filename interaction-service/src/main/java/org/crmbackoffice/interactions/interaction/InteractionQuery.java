package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.criteria.Join;
import org.crmbackoffice.model.interaction.InteractionDirection;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.support.web.ListParameters;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The TMF630 attribute filters of the interaction list, e.g. {@code status=inProgress},
 * {@code channel.channel.name=email}, {@code interactionDate.startDateTime.gt=2026-01-01T00:00:00Z}. Every filter
 * narrows the list; a filter this list does not know is refused rather than ignored.
 */
final class InteractionQuery {

	static final String PARTY = "relatedParty.partyOrPartyRole.id";

	/** The order of lists unless a client asks for another, and always that of a party's timeline. */
	static final Sort MOST_RECENT_FIRST = Sort.by(Sort.Order.desc("interactionStart"), Sort.Order.asc("id"));

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
				case PARTY, "relatedParty.id" -> filters.add(involvingParty(value));
				case "relatedParty.role" -> filters.add((root, query, cb) -> {
					query.distinct(true);
					return cb.equal(root.join("relatedParties").get("role"), value);
				});
				case "channel.channel.name", "channel.name" -> filters.add((root, query, cb) -> {
					query.distinct(true);
					Join<PartyInteractionEntity, ChannelValue> channel = root.join("channels");
					return cb.equal(channel.get("channelName"), value);
				});
				case "interactionItem.item.id" -> filters.add((root, query, cb) -> {
					query.distinct(true);
					return cb.equal(root.join("items").get("itemId"), value);
				});
				case "status" -> filters.add(equal("status", statusOf(value)));
				case "direction" -> filters.add(equal("direction", directionOf(value)));
				case "reason" -> filters.add((root, query, cb) -> cb.equal(cb.lower(root.get("reason")),
						value.toLowerCase(Locale.ROOT)));
				case "customerCheck" -> filters.add(equal("customerCheck",
						CustomerCheck.valueOf(value.toUpperCase(Locale.ROOT))));
				case "interactionDate.startDateTime.gt", "interactionDate.startDateTime.gte" -> {
					Instant from = ListParameters.instant(value);
					filters.add((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("interactionStart"), from));
				}
				case "interactionDate.startDateTime.lt", "interactionDate.startDateTime.lte" -> {
					Instant to = ListParameters.instant(value);
					filters.add((root, query, cb) -> cb.lessThan(root.get("interactionStart"), to));
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
		return (root, query, cb) -> {
			query.distinct(true);
			return cb.equal(root.join("relatedParties").get("partyId"), partyId);
		};
	}

	Specification<PartyInteractionEntity> specification() {
		return Specification.allOf(this.filters);
	}

	Specification<PartyInteractionEntity> and(Specification<PartyInteractionEntity> more) {
		return specification().and(more);
	}

	boolean isEmpty() {
		return this.filters.isEmpty();
	}

	/** When the only filter is a party, the list is that party's timeline, served from its own index. */
	String partyOnly() {
		return this.partyOnly;
	}

	private static Specification<PartyInteractionEntity> equal(String attribute, Object value) {
		return (root, query, cb) -> cb.equal(root.get(attribute), value);
	}

	private static InteractionStatus statusOf(String value) {
		for (InteractionStatus status : InteractionStatus.values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException(value);
	}

	private static InteractionDirection directionOf(String value) {
		for (InteractionDirection direction : InteractionDirection.values()) {
			if (direction.value().equals(value)) {
				return direction;
			}
		}
		throw new IllegalArgumentException(value);
	}

}
