package org.crmbackoffice.interactions.interaction;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.InteractionItem;
import org.crmbackoffice.model.interaction.InteractionRelationship;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyInteractionUpdate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedEntityRefOrValue;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.interaction.v4.InteractionItemV4;
import org.crmbackoffice.model.interaction.v4.PartyInteractionChangeV4;
import org.crmbackoffice.model.interaction.v4.PartyInteractionV4;
import org.crmbackoffice.model.interaction.v4.RelatedChannelV4;
import org.crmbackoffice.model.interaction.v4.RelatedPartyV4;

/**
 * Translates between TMF683 v4 and the v5 model the service keeps: one interaction, two
 * wire versions. What v4 cannot say (a v5 entity given by value, a party role's party,
 * when a channel was used) stays in the stored interaction when a v4 client changes
 * something else.
 */
final class PartyInteractionV4Mapper {

	static final String BASE_PATH = "/tmf-api/partyInteraction/v4/partyInteraction";

	/** The v4 list filters that have another name in v5. */
	private static final Map<String, String> V5_FILTERS = Map.of("channel.id", "relatedChannel.channel.id",
			"channel.name", "relatedChannel.channel.name", "channel.role", "relatedChannel.role", "relatedParty.id",
			InteractionQuery.PARTY, "relatedParty.@referredType", "relatedParty.partyOrPartyRole.@referredType",
			"interactionItem.item.id", "interactionItem.item.entity.id");

	private PartyInteractionV4Mapper() {
	}

	static String hrefOf(String id) {
		return BASE_PATH + "/" + id;
	}

	static PartyInteractionV4 toV4(PartyInteraction interaction) {
		return new PartyInteractionV4(interaction.id(), hrefOf(interaction.id()), interaction.type(),
				interaction.baseType(), interaction.schemaLocation(), interaction.description(),
				interaction.direction(), interaction.reason(), interaction.status(), interaction.statusChangeDate(),
				interaction.creationDate(), interaction.interactionDate(),
				interaction.relatedChannel().stream().map(PartyInteractionV4Mapper::channelV4).toList(),
				interaction.relatedParty().stream().map(PartyInteractionV4Mapper::partyV4).toList(),
				interaction.interactionItem().stream().map(PartyInteractionV4Mapper::itemV4).toList(),
				interaction.interactionRelationship().stream().map(PartyInteractionV4Mapper::relationshipV4).toList(),
				interaction.note(), interaction.attachment(), interaction.externalIdentifier(), interaction.dueDate(),
				interaction.authenticationLevel(), interaction.customerCheck(), interaction.lastUpdate(),
				interaction.createdBy(), interaction.lastUpdatedBy());
	}

	static PartyInteractionCreate toCreate(PartyInteractionChangeV4 request) {
		return new PartyInteractionCreate(request.type(), request.baseType(), request.schemaLocation(),
				request.description(), request.direction(), request.reason(), request.status(),
				request.interactionDate(), request.dueDate(), request.authenticationLevel(),
				request.channel().stream().map(PartyInteractionV4Mapper::channelV5).toList(),
				request.relatedParty().stream().map(PartyInteractionV4Mapper::partyV5).toList(),
				request.interactionItem().stream().map(PartyInteractionV4Mapper::itemV5).toList(),
				request.interactionRelationship(), request.note(), request.attachment(), request.externalIdentifier());
	}

	/**
	 * The changeable part of an interaction as v4 shows it: what a v4 merge patch applies
	 * to.
	 */
	static PartyInteractionChangeV4 toChange(PartyInteraction interaction) {
		PartyInteractionV4 v4 = toV4(interaction);
		return new PartyInteractionChangeV4(v4.type(), v4.baseType(), v4.schemaLocation(), v4.description(),
				v4.direction(), v4.reason(), v4.status(), v4.interactionDate(), v4.dueDate(), v4.authenticationLevel(),
				v4.channel(), v4.relatedParty(), v4.interactionItem(), v4.interactionRelationship(), v4.note(),
				v4.attachment(), v4.externalIdentifier());
	}

	/**
	 * The v5 change a v4 client asked for. Channels, parties and items are taken from the
	 * v4 request only when the patch named them, so that what v4 cannot express survives
	 * a change of something else.
	 * @param named the attributes the merge patch named
	 */
	static PartyInteractionUpdate toUpdate(PartyInteractionChangeV4 merged, PartyInteraction current,
			Set<String> named) {
		return new PartyInteractionUpdate(merged.type(), merged.baseType(), merged.schemaLocation(),
				merged.description(), merged.direction(), merged.reason(), merged.status(), merged.interactionDate(),
				merged.dueDate(), merged.authenticationLevel(),
				named.contains("channel") ? merged.channel().stream().map(PartyInteractionV4Mapper::channelV5).toList()
						: current.relatedChannel(),
				named.contains("relatedParty")
						? merged.relatedParty().stream().map(PartyInteractionV4Mapper::partyV5).toList()
						: current.relatedParty(),
				named.contains("interactionItem")
						? merged.interactionItem().stream().map(PartyInteractionV4Mapper::itemV5).toList()
						: current.interactionItem(),
				merged.interactionRelationship(), merged.note(), merged.attachment(), merged.externalIdentifier());
	}

	/** The list parameters with v4 filter names renamed to their v5 equivalents. */
	static Map<String, String> v5Parameters(Map<String, String> parameters) {
		Map<String, String> renamed = new LinkedHashMap<>();
		parameters.forEach((name, value) -> renamed.put(V5_FILTERS.getOrDefault(name, name), value));
		return renamed;
	}

	private static RelatedChannelV4 channelV4(RelatedChannel related) {
		ChannelRef channel = related.channel();
		return new RelatedChannelV4(channel.id(), channel.href(), channel.name(), related.role(),
				channel.referredType(), RelatedChannelV4.TYPE);
	}

	private static RelatedChannel channelV5(RelatedChannelV4 channel) {
		return new RelatedChannel(channel.role(),
				new ChannelRef(channel.id(), channel.href(), channel.name(), channel.referredType(), null), null, null);
	}

	private static RelatedPartyV4 partyV4(RelatedPartyOrPartyRole related) {
		PartyRefOrPartyRoleRef party = related.partyOrPartyRole();
		return new RelatedPartyV4(party.id(), party.href(), party.name(), related.role(), party.referredType(),
				RelatedPartyV4.TYPE);
	}

	/**
	 * v4 lets a party go without a role, v5 does not: such a party takes part in the role
	 * its type names ({@code customer} for a Customer), or as {@code party}.
	 */
	private static RelatedPartyOrPartyRole partyV5(RelatedPartyV4 party) {
		String role = (party.role() != null && !party.role().isBlank()) ? party.role()
				: (party.referredType() != null && !party.referredType().isEmpty())
						? party.referredType().substring(0, 1).toLowerCase(Locale.ROOT)
								+ party.referredType().substring(1)
						: "party";
		return new RelatedPartyOrPartyRole(role,
				new PartyRefOrPartyRoleRef(party.id(), party.href(), party.name(), party.referredType()));
	}

	private static InteractionItemV4 itemV4(InteractionItem item) {
		RelatedEntityRefOrValue related = item.item();
		InteractionItemV4.Item v4 = (related == null) ? null
				: new InteractionItemV4.Item(related.entityId(), related.entityHref(), related.entityName(),
						related.role(), related.entityType(), InteractionItemV4.Item.TYPE);
		return new InteractionItemV4(item.id(), InteractionItemV4.TYPE, item.creationDate(), item.reason(),
				item.resolution(), item.itemDate(), v4);
	}

	private static InteractionItem itemV5(InteractionItemV4 item) {
		InteractionItemV4.Item v4 = item.item();
		RelatedEntityRefOrValue related = null;
		if (v4 != null) {
			Map<String, Object> entity = new HashMap<>();
			putIfPresent(entity, "id", v4.id());
			putIfPresent(entity, "href", v4.href());
			putIfPresent(entity, "name", v4.name());
			putIfPresent(entity, "@referredType", v4.referredType());
			entity.put("@type", "EntityRef");
			related = new RelatedEntityRefOrValue(v4.role(), entity, null);
		}
		return new InteractionItem(item.id(), null, item.itemDate(), item.reason(), item.resolution(),
				item.creationDate(), null, related, null, null, null, null, null, null);
	}

	private static InteractionRelationship relationshipV4(InteractionRelationship relationship) {
		String href = RelationshipValue.isLoggedHere(relationship.id()) ? hrefOf(relationship.id())
				: relationship.href();
		return new InteractionRelationship(relationship.relationshipType(), relationship.id(), href,
				relationship.type());
	}

	private static void putIfPresent(Map<String, Object> entity, String member, String value) {
		if (value != null) {
			entity.put(member, value);
		}
	}

}
