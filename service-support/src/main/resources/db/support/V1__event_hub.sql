-- Shared tables, migrated with their own history (flyway_support_history, see SharedMigrations). "if not exists":
-- databases created before these moved here from the services' own migrations hold the tables already.
-- The event hub: listeners, the transactional outbox, one delivery per event and listener, and every attempt.
create table if not exists hub_listener (
    id                    uuid          primary key,
    callback              varchar(1000) not null,
    query                 varchar(2000),
    secret                varchar(100)  not null,
    previous_secret       varchar(100),
    previous_secret_until timestamptz,
    -- active, disabled (its callback answered 410 Gone) or removed
    status                varchar(20)   not null,
    created_at            timestamptz   not null,
    created_by            varchar(200)  not null
);

create table if not exists event_outbox (
    id         bigserial    primary key,
    event_id   uuid         not null unique,
    event_type varchar(100) not null,
    subject_id varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null
);

create table if not exists event_delivery (
    id              bigserial    primary key,
    event_id        bigint       not null references event_outbox (id),
    listener_id     uuid         not null references hub_listener (id),
    subject_id      varchar(100) not null,
    -- pending, delivered or dead
    status          varchar(20)  not null,
    attempts        integer      not null,
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);

-- What is due, and whether an older delivery about the same subject is still owed to the same listener.
create index if not exists event_delivery_due_idx on event_delivery (next_attempt_at, id) where status = 'pending';
create index if not exists event_delivery_order_idx on event_delivery (listener_id, subject_id, id) where status = 'pending';

create table if not exists delivery_attempt (
    delivery_id bigint        not null references event_delivery (id),
    number      integer       not null,
    at          timestamptz   not null,
    status_code integer,
    latency_ms  bigint        not null,
    error       varchar(1000),
    primary key (delivery_id, number)
);
