package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface PartyInteractionRepository
		extends JpaRepository<PartyInteractionEntity, UUID>, JpaSpecificationExecutor<PartyInteractionEntity> {

	/**
	 * One page of a party's interactions, most recent first. It walks the timeline index
	 * in order and stops after the page, passing over deleted interactions; a party named
	 * twice in one interaction (in two roles) has adjacent index entries and counts once.
	 */
	@Query(value = """
			select i.* from (
			    select distinct p.interaction_start, p.interaction_id from party_interaction_related_party p
			    where p.party_id = :partyId and not exists (
			        select 1 from party_interaction d where d.id = p.interaction_id and d.deleted_at is not null)
			    order by p.interaction_start desc, p.interaction_id
			    limit :limit offset :offset) page
			join party_interaction i on i.id = page.interaction_id
			order by page.interaction_start desc, page.interaction_id""", nativeQuery = true)
	List<PartyInteractionEntity> timelineOf(String partyId, int limit, long offset);

	@Query(value = """
			select count(distinct p.interaction_id) from party_interaction_related_party p
			where p.party_id = :partyId and not exists (
			    select 1 from party_interaction d where d.id = p.interaction_id and d.deleted_at is not null)""",
			nativeQuery = true)
	long timelineLengthOf(String partyId);

	/** Interactions whose customers the inventory has not confirmed yet, oldest first. */
	List<PartyInteractionEntity> findByCustomerCheckOrderByCreatedAt(CustomerCheck check, Limit limit);

}
