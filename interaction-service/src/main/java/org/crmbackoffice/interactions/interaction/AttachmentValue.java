package org.crmbackoffice.interactions.interaction;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.interaction.Attachment;

/** An attachment's reference and metadata, as stored. */
@Embeddable
record AttachmentValue(@Column(name = "attachment_id") String attachmentId, @Column(name = "name") String name,
		@Column(name = "attachment_type") String attachmentType, @Column(name = "mime_type") String mimeType,
		@Column(name = "url") String url, @Column(name = "size_bytes") Long size,
		@Column(name = "description") String description) {

	static AttachmentValue of(Attachment attachment) {
		return new AttachmentValue((attachment.id() != null) ? attachment.id() : UUID.randomUUID().toString(),
				attachment.name(), attachment.attachmentType(), attachment.mimeType(), attachment.url(),
				attachment.size(), attachment.description());
	}

	Attachment toAttachment() {
		return new Attachment(this.attachmentId, this.name, this.attachmentType, this.mimeType, this.url, this.size,
				this.description);
	}

}
