-- Events owed to the event stream (Kafka), for a service that streams them (crm.stream.kafka.enabled): one row per
-- event, written in the transaction of the change, removed once the broker has acknowledged the event.
create table if not exists event_stream_pending (
    outbox_id  bigint      primary key references event_outbox (id) on delete cascade,
    created_at timestamptz not null
);
