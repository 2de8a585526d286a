package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.interaction.AttachmentRefOrValue;
import org.crmbackoffice.model.interaction.InteractionItem;
import org.crmbackoffice.model.interaction.RelatedEntityRefOrValue;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import tools.jackson.databind.json.JsonMapper;

/**
 * One thing an interaction is about, as stored: the whole item as its client sent it in
 * {@code document}, and beside it the columns that lists, exports and analytics read (the
 * entity's reference and the item's period).
 */
@Embeddable
record ItemValue(@Column(name = "item_entry_id") String entryId, @Column(name = "item_id") String itemId,
		@Column(name = "item_href") String itemHref, @Column(name = "item_name") String itemName,
		@Column(name = "item_type") String itemType, @Column(name = "item_start") Instant itemStart,
		@Column(name = "item_end") Instant itemEnd, @Column(name = "document") String document) {

	/**
	 * Items hold arbitrary entities by value, so they are kept as JSON, written the way
	 * the API writes them.
	 */
	private static final JsonMapper DOCUMENTS = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	static ItemValue of(InteractionItem item) {
		String entryId = (item.id() != null) ? item.id() : UUID.randomUUID().toString();
		InteractionItem stored = new InteractionItem(entryId, item.type(), item.itemDate(), item.reason(),
				item.resolution(), item.creationDate(), item.lastUpdate(), item.item(), item.interactionItemType(),
				item.relatedChannel(), item.relatedParty(), item.attachment(), item.note(),
				item.interactionItemRelationship());
		RelatedEntityRefOrValue entity = item.item();
		return new ItemValue(entryId, (entity != null) ? entity.entityId() : null,
				(entity != null) ? entity.entityHref() : null, (entity != null) ? entity.entityName() : null,
				(entity != null) ? entity.entityType() : null, Periods.startOf(item.itemDate()),
				Periods.endOf(item.itemDate()), DOCUMENTS.writeValueAsString(stored));
	}

	InteractionItem toItem() {
		InteractionItem item = DOCUMENTS.readValue(this.document, InteractionItem.class);
		RelatedEntityRefOrValue related = item.item();
		return new InteractionItem(item.id(), Periods.or(item.type(), InteractionItem.TYPE), item.itemDate(),
				item.reason(), item.resolution(), item.creationDate(), item.lastUpdate(),
				(related != null) ? new RelatedEntityRefOrValue(related.role(), related.entity(),
						Periods.or(related.type(), RelatedEntityRefOrValue.TYPE)) : null,
				item.interactionItemType(), item.relatedChannel(), item.relatedParty(), item.attachment(), item.note(),
				item.interactionItemRelationship());
	}

	/**
	 * What names a person inside the item goes: the erased party becomes its pseudonym,
	 * notes and attachments lose their content. The entity the item is about stays: it is
	 * a business object, not the person.
	 */
	ItemValue erased(String partyId, String pseudonym) {
		InteractionItem item = DOCUMENTS.readValue(this.document, InteractionItem.class);
		List<RelatedPartyOrPartyRole> parties = (item.relatedParty() == null) ? null
				: item.relatedParty()
					.stream()
					.map((party) -> party.partyId().equals(partyId)
							? PartyValue.of(party, null).pseudonymised(pseudonym).toRelatedParty() : party)
					.toList();
		List<Note> notes = (item.note() == null) ? null : item.note()
			.stream()
			.map((note) -> new Note(note.id(), note.author(), note.date(), PartyInteractionEntity.ERASED, note.type()))
			.toList();
		List<AttachmentRefOrValue> attachments = (item.attachment() == null) ? null
				: item.attachment()
					.stream()
					.map((attachment) -> AttachmentValue.of(attachment).erased().toAttachment())
					.toList();
		InteractionItem erased = new InteractionItem(item.id(), item.type(), item.itemDate(), item.reason(),
				item.resolution(), item.creationDate(), item.lastUpdate(), item.item(), item.interactionItemType(),
				item.relatedChannel(), parties, attachments, notes, item.interactionItemRelationship());
		return new ItemValue(this.entryId, this.itemId, this.itemHref, this.itemName, this.itemType, this.itemStart,
				this.itemEnd, DOCUMENTS.writeValueAsString(erased));
	}

}
