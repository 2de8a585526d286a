package org.crmbackoffice.interactions.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.interaction.ExternalIdentifier;

/** The interaction's id in another system, as stored. */
@Embeddable
record ExternalIdValue(@Column(name = "external_id") String externalId, @Column(name = "owner") String owner,
		@Column(name = "external_identifier_type") String identifierType, @Column(name = "at_type") String type) {

	static ExternalIdValue of(ExternalIdentifier identifier) {
		return new ExternalIdValue(identifier.id(), identifier.owner(), identifier.externalIdentifierType(),
				identifier.type());
	}

	ExternalIdValue erased() {
		return new ExternalIdValue(PartyInteractionEntity.ERASED, this.owner, this.identifierType, this.type);
	}

	ExternalIdentifier toExternalIdentifier() {
		return new ExternalIdentifier(this.externalId, this.owner, this.identifierType,
				Periods.or(this.type, ExternalIdentifier.TYPE));
	}

}
