-- BI export: keyset indexes for bulk export by time, and a change marker for incremental export.
--
-- change_xid is the id of the transaction that last wrote the row (pg_current_xact_id(), set by a trigger so no
-- writer can forget it). An incremental export takes rows with change_xid below the xmin of its own snapshot:
-- every transaction with a smaller id has then finished, so no row can later appear below that bound, and a
-- cursor on (change_xid, key) never skips a change whose transaction commits after a later one, which ordering by
-- a timestamp or a sequence would. Rows written before this migration count as written at the beginning (0).
alter table party_interaction add column change_xid xid8 not null default '0';
alter table party_interaction_history add column change_xid xid8 not null default '0';

create function bi_export_mark_change() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end
$$;

-- Every change of an interaction moves its version (Hibernate's optimistic lock, also for its lists of channels,
-- parties and notes); bookkeeping updates that keep the version (reminder marks) are not changes for BI.
create trigger party_interaction_export_insert
    before insert on party_interaction
    for each row
    execute function bi_export_mark_change();
create trigger party_interaction_export_change
    before update on party_interaction
    for each row
    when (old.version is distinct from new.version)
    execute function bi_export_mark_change();

-- History entries are written once; an erasure scrubs them, and BI must receive the scrubbed entry again.
create trigger party_interaction_history_export_change
    before insert or update on party_interaction_history
    for each row
    execute function bi_export_mark_change();

create index party_interaction_export_start_idx on party_interaction (interaction_start, id);
create index party_interaction_export_change_idx on party_interaction (change_xid, id);
create index party_interaction_history_export_time_idx
    on party_interaction_history (changed_at, interaction_id, sequence);
create index party_interaction_history_export_change_idx
    on party_interaction_history (change_xid, interaction_id, sequence);
