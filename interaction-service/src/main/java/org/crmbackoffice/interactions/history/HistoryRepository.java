package org.crmbackoffice.interactions.history;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: the track record offers no way to change or remove an entry. */
interface HistoryRepository extends Repository<HistoryEntryEntity, HistoryKey> {

	HistoryEntryEntity save(HistoryEntryEntity entry);

	@Query("select h from HistoryEntryEntity h where h.key.interactionId = :interactionId order by h.key.sequence")
	List<HistoryEntryEntity> findAllOf(UUID interactionId);

	@Query("select coalesce(max(h.key.sequence), 0) from HistoryEntryEntity h where h.key.interactionId = :interactionId")
	long lastSequenceOf(UUID interactionId);

}
