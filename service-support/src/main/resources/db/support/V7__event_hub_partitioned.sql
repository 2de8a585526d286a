-- The event hub's record grows with every change: each event, its delivery to each listener and each attempt. The
-- three tables become partitioned by the month (UTC) in which the event was published, named <table>_YYYY_MM, so
-- that retention (OutboxRetention) drops a month whose deliveries are all settled instead of deleting its rows one
-- by one. A delivery and its attempts carry their event's publication time (event_created_at) and live in its
-- month. The service creates the months ahead (MonthlyPartitions); this migration creates those its existing rows
-- need and three more, and moves every row over in its transaction.
--
-- The keys hold the partition column. The references between the three tables, and from the stream's owed events,
-- go: a month could not be dropped while another table's reference into it stands. The publisher writes an event
-- with its deliveries in one transaction, and retention drops a month of all three tables in one transaction.
alter table event_stream_pending drop constraint if exists event_stream_pending_outbox_id_fkey;
alter table delivery_attempt rename to delivery_attempt_before_partitioning;
alter table event_delivery rename to event_delivery_before_partitioning;
alter table event_outbox rename to event_outbox_before_partitioning;

create table event_outbox (
    id           bigint       not null default nextval('event_outbox_id_seq'),
    event_id     uuid         not null,
    event_type   varchar(100) not null,
    subject_id   varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    trace_parent varchar(55)
) partition by range (created_at);

create table event_delivery (
    id               bigint       not null default nextval('event_delivery_id_seq'),
    event_id         bigint       not null,
    event_created_at timestamptz  not null,
    listener_id      uuid         not null references hub_listener (id),
    subject_id       varchar(100) not null,
    -- pending, delivered or dead
    status           varchar(20)  not null,
    attempts         integer      not null,
    next_attempt_at  timestamptz  not null,
    created_at       timestamptz  not null,
    delivered_at     timestamptz
) partition by range (event_created_at);

create table delivery_attempt (
    delivery_id      bigint        not null,
    event_created_at timestamptz   not null,
    number           integer       not null,
    at               timestamptz   not null,
    status_code      integer,
    latency_ms       bigint        not null,
    error            varchar(1000)
) partition by range (event_created_at);

do $$
declare
    month timestamptz := date_trunc('month',
        least(coalesce((select min(created_at) from event_outbox_before_partitioning), now()), now())
            at time zone 'UTC') at time zone 'UTC';
    last_month timestamptz := (date_trunc('month', now() at time zone 'UTC') + interval '3 months') at time zone 'UTC';
    next_month timestamptz;
    hub_table text;
begin
    while month <= last_month loop
        next_month := ((month at time zone 'UTC') + interval '1 month') at time zone 'UTC';
        foreach hub_table in array array['event_outbox', 'event_delivery', 'delivery_attempt'] loop
            execute format('create table %I partition of %I for values from (%L) to (%L)',
                           hub_table || '_' || to_char(month at time zone 'UTC', 'YYYY_MM'), hub_table, month,
                           next_month);
        end loop;
        month := next_month;
    end loop;
end $$;

insert into event_outbox (id, event_id, event_type, subject_id, payload, created_at, trace_parent)
select id, event_id, event_type, subject_id, payload, created_at, trace_parent from event_outbox_before_partitioning;

insert into event_delivery (id, event_id, event_created_at, listener_id, subject_id, status, attempts, next_attempt_at,
                            created_at, delivered_at)
select d.id, d.event_id, o.created_at, d.listener_id, d.subject_id, d.status, d.attempts, d.next_attempt_at,
       d.created_at, d.delivered_at
from event_delivery_before_partitioning d join event_outbox_before_partitioning o on o.id = d.event_id;

insert into delivery_attempt (delivery_id, event_created_at, number, at, status_code, latency_ms, error)
select a.delivery_id, o.created_at, a.number, a.at, a.status_code, a.latency_ms, a.error
from delivery_attempt_before_partitioning a
join event_delivery_before_partitioning d on d.id = a.delivery_id
join event_outbox_before_partitioning o on o.id = d.event_id;

alter sequence event_outbox_id_seq owned by event_outbox.id;
alter sequence event_delivery_id_seq owned by event_delivery.id;
drop table delivery_attempt_before_partitioning;
drop table event_delivery_before_partitioning;
drop table event_outbox_before_partitioning;

alter table event_outbox add primary key (id, created_at);
alter table event_outbox add unique (event_id, created_at);
alter table event_delivery add primary key (id, event_created_at);
alter table delivery_attempt add primary key (delivery_id, number, event_created_at);

-- What is due, and whether an older delivery about the same subject is still owed to the same listener.
create index event_delivery_due_idx on event_delivery (next_attempt_at, id) where status = 'pending';
create index event_delivery_order_idx on event_delivery (listener_id, subject_id, id) where status = 'pending';
