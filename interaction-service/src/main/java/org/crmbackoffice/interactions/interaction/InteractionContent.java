package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.List;

import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;

/** Everything about an interaction that a client sets, ready to be stored. */
record InteractionContent(String type, String baseType, String schemaLocation, String description, String direction,
		String reason, Instant start, Instant end, Instant dueDate, AuthenticationLevel authenticationLevel,
		List<ChannelValue> channels, List<RelatedPartyOrPartyRole> relatedParties, List<ItemValue> items,
		List<RelationshipValue> relationships, List<NoteValue> notes, List<AttachmentValue> attachments,
		List<ExternalIdValue> externalIds) {
}
