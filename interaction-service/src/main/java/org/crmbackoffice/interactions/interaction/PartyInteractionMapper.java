package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyInteractionUpdate;

/** Translates between the TMF683 v5 wire records and the stored interaction. */
final class PartyInteractionMapper {

	static final String BASE_PATH = "/tmf-api/partyInteraction/v5/partyInteraction";

	/**
	 * The schema of this service's extension of the TMF683 resource, named in every
	 * interaction's {@code @schemaLocation} unless its client named another.
	 */
	static final String SCHEMA_LOCATION = "/interaction/v1/schema/PartyInteraction.schema.json";

	private PartyInteractionMapper() {
	}

	static String hrefOf(String id) {
		return BASE_PATH + "/" + id;
	}

	static InteractionContent contentOf(PartyInteractionCreate request, AuthenticationLevel level, Instant now,
			String author, ChannelCatalogue channels) {
		return new InteractionContent(request.type(), request.baseType(), request.schemaLocation(),
				request.description(), request.direction(), request.reason(),
				Periods.startOf(request.interactionDate()), Periods.endOf(request.interactionDate()),
				Periods.instant(request.dueDate()), level, channelsOf(request.relatedChannel(), channels),
				request.relatedParty(), request.interactionItem().stream().map(ItemValue::of).toList(),
				request.interactionRelationship().stream().map(RelationshipValue::of).toList(),
				request.note().stream().map((note) -> NoteValue.of(note, now, author)).toList(),
				request.attachment().stream().map(AttachmentValue::of).toList(),
				request.externalIdentifier().stream().map(ExternalIdValue::of).toList());
	}

	static InteractionContent contentOf(PartyInteractionUpdate update, Instant now, String author,
			ChannelCatalogue channels) {
		return new InteractionContent(update.type(), update.baseType(), update.schemaLocation(), update.description(),
				update.direction(), update.reason(), Periods.startOf(update.interactionDate()),
				Periods.endOf(update.interactionDate()), Periods.instant(update.dueDate()),
				update.authenticationLevel(), channelsOf(update.relatedChannel(), channels), update.relatedParty(),
				update.interactionItem().stream().map(ItemValue::of).toList(),
				update.interactionRelationship().stream().map(RelationshipValue::of).toList(),
				update.note().stream().map((note) -> NoteValue.of(note, now, author)).toList(),
				update.attachment().stream().map(AttachmentValue::of).toList(),
				update.externalIdentifier().stream().map(ExternalIdValue::of).toList());
	}

	private static List<ChannelValue> channelsOf(List<RelatedChannel> related, ChannelCatalogue catalogue) {
		List<ChannelValue> channels = new ArrayList<>();
		for (int i = 0; i < related.size(); i++) {
			RelatedChannel each = related.get(i);
			channels.add(ChannelValue.of(each, catalogue.resolve(each.channel(), "/relatedChannel/" + i + "/channel")));
		}
		return channels;
	}

	/** The changeable part of a stored interaction: what a merge patch applies to. */
	static PartyInteractionUpdate toUpdate(PartyInteraction interaction) {
		return new PartyInteractionUpdate(interaction.type(), interaction.baseType(), interaction.schemaLocation(),
				interaction.description(), interaction.direction(), interaction.reason(), interaction.status(),
				interaction.interactionDate(), interaction.dueDate(), interaction.authenticationLevel(),
				interaction.relatedChannel(), interaction.relatedParty(), interaction.interactionItem(),
				interaction.interactionRelationship(), interaction.note(), interaction.attachment(),
				interaction.externalIdentifier());
	}

	static PartyInteraction toResource(PartyInteractionEntity interaction) {
		String id = interaction.id().toString();
		return new PartyInteraction(id, hrefOf(id), Periods.or(interaction.type(), PartyInteraction.TYPE),
				interaction.baseType(), Periods.or(interaction.schemaLocation(), SCHEMA_LOCATION),
				interaction.description(), interaction.direction(), interaction.reason(), interaction.status(),
				interaction.statusChangeDate(),
				Periods.periodOf(interaction.interactionStart(), interaction.interactionEnd()), interaction.createdAt(),
				interaction.updatedAt(), interaction.channels().stream().map(ChannelValue::toRelatedChannel).toList(),
				interaction.relatedParties().stream().map(PartyValue::toRelatedParty).toList(),
				interaction.items().stream().map(ItemValue::toItem).toList(),
				interaction.relationships().stream().map(RelationshipValue::toRelationship).toList(),
				interaction.notes().stream().map(NoteValue::toNote).toList(),
				interaction.attachments().stream().map(AttachmentValue::toAttachment).toList(),
				interaction.externalIds().stream().map(ExternalIdValue::toExternalIdentifier).toList(),
				Periods.offset(interaction.dueDate()), interaction.authenticationLevel(),
				interaction.customerCheck().value(), interaction.createdBy(), interaction.updatedBy());
	}

	static PartyInteractionUpdate withStatus(PartyInteractionUpdate update, InteractionStatus status) {
		return new PartyInteractionUpdate(update.type(), update.baseType(), update.schemaLocation(),
				update.description(), update.direction(), update.reason(), status, update.interactionDate(),
				update.dueDate(), update.authenticationLevel(), update.relatedChannel(), update.relatedParty(),
				update.interactionItem(), update.interactionRelationship(), update.note(), update.attachment(),
				update.externalIdentifier());
	}

	static PartyInteractionUpdate withNotes(PartyInteractionUpdate update, List<Note> notes) {
		return new PartyInteractionUpdate(update.type(), update.baseType(), update.schemaLocation(),
				update.description(), update.direction(), update.reason(), update.status(), update.interactionDate(),
				update.dueDate(), update.authenticationLevel(), update.relatedChannel(), update.relatedParty(),
				update.interactionItem(), update.interactionRelationship(), notes, update.attachment(),
				update.externalIdentifier());
	}

	static List<String> relatedInteractionIds(InteractionContent content) {
		return content.relationships().stream().map(RelationshipValue::relatedId).toList();
	}

}
