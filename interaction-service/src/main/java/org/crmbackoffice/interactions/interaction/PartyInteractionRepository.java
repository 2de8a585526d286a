package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface PartyInteractionRepository
		extends JpaRepository<PartyInteractionEntity, UUID>, JpaSpecificationExecutor<PartyInteractionEntity> {

	/**
	 * A party's interactions, most recent first: one range scan of the timeline index. A party named twice in one
	 * interaction (in two roles) counts once.
	 */
	@Query(value = """
			select i.* from party_interaction_related_party p
			join party_interaction i on i.id = p.interaction_id
			where p.party_id = :partyId
			  and not exists (select 1 from party_interaction_related_party earlier
			                  where earlier.interaction_id = p.interaction_id and earlier.party_id = p.party_id
			                    and earlier.position < p.position)
			order by p.interaction_start desc, p.interaction_id""", countQuery = """
			select count(distinct p.interaction_id) from party_interaction_related_party p
			where p.party_id = :partyId""", nativeQuery = true)
	Page<PartyInteractionEntity> timelineOf(String partyId, Pageable pageable);

	/** Interactions whose customers the inventory has not confirmed yet, oldest first. */
	List<PartyInteractionEntity> findByCustomerCheckOrderByCreatedAt(CustomerCheck check, Limit limit);

}
