package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Quantity;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * A document that belongs to an interaction (TMF v5 {@code AttachmentRefOrValue}): an
 * {@code AttachmentRef} to a document held elsewhere, or an {@code Attachment} described
 * here with its location, type and size. The interaction log keeps where a document is,
 * not the document: content sent inline ({@code content}) is refused with a 400 that
 * names it, rather than dropped without a word.
 *
 * @param url also read as {@code URL}, the name the specification's examples use
 */
public record AttachmentRefOrValue(@Size(max = 100) String id, @Size(max = 500) String href,
		@JsonProperty("@type") @Size(max = 100) String type,
		@JsonProperty("@referredType") @Size(max = 100) String referredType, @Size(max = 200) String name,
		@Size(max = 1000) String description, @JsonAlias("URL") @Size(max = 1000) String url, @Valid Quantity size,
		@Valid TimePeriod validFor, @Size(max = 100) String attachmentType, @Size(max = 100) String mimeType) {

	public static final String ATTACHMENT = "Attachment";

	public static final String ATTACHMENT_REF = "AttachmentRef";

}
