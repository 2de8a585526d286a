package org.crmbackoffice.interactions.interaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.Quantity;
import org.crmbackoffice.model.interaction.AttachmentRefOrValue;

/** An attachment's reference and metadata, as stored; its content is never stored. */
@Embeddable
record AttachmentValue(@Column(name = "attachment_id") String attachmentId, @Column(name = "name") String name,
		@Column(name = "attachment_type") String attachmentType, @Column(name = "mime_type") String mimeType,
		@Column(name = "url") String url, @Column(name = "size_amount") BigDecimal sizeAmount,
		@Column(name = "size_units") String sizeUnits, @Column(name = "description") String description,
		@Column(name = "attachment_href") String href, @Column(name = "referred_type") String referredType,
		@Column(name = "valid_from") Instant validFrom, @Column(name = "valid_to") Instant validTo,
		@Column(name = "at_type") String type) {

	static AttachmentValue of(AttachmentRefOrValue attachment) {
		Quantity size = attachment.size();
		return new AttachmentValue((attachment.id() != null) ? attachment.id() : UUID.randomUUID().toString(),
				attachment.name(), attachment.attachmentType(), attachment.mimeType(), attachment.url(),
				(size != null) ? size.amount() : null, (size != null) ? size.units() : null, attachment.description(),
				attachment.href(), attachment.referredType(), Periods.startOf(attachment.validFor()),
				Periods.endOf(attachment.validFor()), attachment.type());
	}

	/**
	 * What the attachment was about goes; that there was one, and of which kind, stays.
	 */
	AttachmentValue erased() {
		return new AttachmentValue(this.attachmentId, PartyInteractionEntity.ERASED, this.attachmentType, null,
				"erased:", null, null, null, null, this.referredType, this.validFrom, this.validTo, this.type);
	}

	AttachmentRefOrValue toAttachment() {
		Quantity size = (this.sizeAmount == null && this.sizeUnits == null) ? null
				: new Quantity(this.sizeAmount, this.sizeUnits);
		return new AttachmentRefOrValue(this.attachmentId, this.href,
				Periods.or(this.type,
						(this.url != null || this.href == null) ? AttachmentRefOrValue.ATTACHMENT
								: AttachmentRefOrValue.ATTACHMENT_REF),
				this.referredType, this.name, this.description, this.url, size,
				Periods.periodOf(this.validFrom, this.validTo), this.attachmentType, this.mimeType);
	}

}
