package org.crmbackoffice.interactions.interaction;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartyInteractionRepository extends JpaRepository<PartyInteractionEntity, UUID> {

	/** The interactions in which the party takes part, in any role. */
	@Query("""
			select i from PartyInteractionEntity i
			where exists (select 1 from i.relatedParties p where p.partyId = :partyId)""")
	Page<PartyInteractionEntity> findInvolvingParty(String partyId, Pageable pageable);

}
