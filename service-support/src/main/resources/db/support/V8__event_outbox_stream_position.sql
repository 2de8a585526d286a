-- Live event streams read the outbox while it is being written, and must neither skip nor repeat an event. Ids
-- alone cannot tell them where they are: ids are drawn when a row is inserted, not when it commits, so an event
-- with a lower id can become visible after one with a higher id has been read. The transaction that wrote an event
-- can: once every transaction below a snapshot's xmin has ended, no event of theirs can appear any more, so a reader
-- that goes in (transaction_id, id) order and stops below xmin never misses one. Existing rows all get the
-- transaction id of this migration, which is below every later one.
--
-- api_version says which of the API's shapes a row holds (v5, v4, party-v5): a stream shows each event once, in
-- the current shape, while a v4 listener's copy of the same event is a row of its own.
alter table event_outbox add column transaction_id xid8 not null default pg_current_xact_id();
alter table event_outbox add column api_version varchar(20);
create index event_outbox_stream_position on event_outbox (transaction_id, id);
