package org.crmbackoffice.interactions.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.interaction.InteractionRelationship;

/** A relationship to another interaction, as stored. */
@Embeddable
record RelationshipValue(@Column(name = "relationship_type") String relationshipType,
		@Column(name = "related_id") String relatedId) {

	static RelationshipValue of(InteractionRelationship relationship) {
		return new RelationshipValue(relationship.relationshipType(), relationship.id());
	}

	InteractionRelationship toRelationship() {
		return new InteractionRelationship(this.relationshipType, this.relatedId,
				PartyInteractionMapper.hrefOf(this.relatedId));
	}

}
