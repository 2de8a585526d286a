package org.crmbackoffice.interactions.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.interaction.InteractionRelationship;
import org.crmbackoffice.support.web.ApiResponses;

/** A relationship to another interaction, as stored. */
@Embeddable
record RelationshipValue(@Column(name = "relationship_type") String relationshipType,
		@Column(name = "related_id") String relatedId, @Column(name = "related_href") String relatedHref,
		@Column(name = "at_type") String type) {

	/**
	 * Only a relationship to an interaction of another system keeps its client's href;
	 * ours get our own.
	 */
	static RelationshipValue of(InteractionRelationship relationship) {
		return new RelationshipValue(relationship.relationshipType(), relationship.id(),
				isLoggedHere(relationship.id()) ? null : relationship.href(), relationship.type());
	}

	/**
	 * Interaction ids this service hands out are UUIDs; any other id names an interaction
	 * logged elsewhere.
	 */
	static boolean isLoggedHere(String id) {
		return ApiResponses.parseId(id).isPresent();
	}

	InteractionRelationship toRelationship() {
		return new InteractionRelationship(this.relationshipType, this.relatedId,
				isLoggedHere(this.relatedId) ? PartyInteractionMapper.hrefOf(this.relatedId) : this.relatedHref,
				Periods.or(this.type, InteractionRelationship.TYPE));
	}

}
