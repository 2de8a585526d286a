-- One interaction's track record, as GET .../partyInteraction/{id}/history reads it (PartyInteractionService
-- .history): the interaction by its id, then its entries in order (HistoryRepository.findAllOf), each in its own
-- transaction as in the service.
\set n random(1, :interactions)
select id, version, at_base_type, at_schema_location, at_type, authentication_level, created_at, created_by,
       customer_check, deleted_at, deleted_by, description, direction, due_date, interaction_end, interaction_start,
       reason, status, status_change_date, updated_at, updated_by
from party_interaction where id = md5(:n::text)::uuid;
select interaction_id, sequence, action, changed_at, changed_by, channel, changes, client_id
from party_interaction_history where interaction_id = md5(:n::text)::uuid order by sequence;
