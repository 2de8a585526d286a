package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.interaction.InteractionItem;

/** One thing an interaction is about, as stored. */
@Embeddable
record ItemValue(@Column(name = "item_entry_id") String entryId, @Column(name = "item_id") String itemId,
		@Column(name = "item_href") String itemHref, @Column(name = "item_name") String itemName,
		@Column(name = "item_type") String itemType, @Column(name = "item_date") Instant itemDate) {

	static ItemValue of(InteractionItem item) {
		EntityRef ref = item.item();
		return new ItemValue((item.id() != null) ? item.id() : UUID.randomUUID().toString(), ref.id(), ref.href(),
				ref.name(), ref.referredType(), (item.itemDate() != null) ? item.itemDate().toInstant() : null);
	}

	InteractionItem toItem() {
		return new InteractionItem(this.entryId, new EntityRef(this.itemId, this.itemHref, this.itemName, this.itemType),
				(this.itemDate != null) ? this.itemDate.atOffset(ZoneOffset.UTC) : null);
	}

}
