-- Idempotency-Key of each create, per caller, with the record it created (written in the same transaction).
create table if not exists idempotency_key (
    caller          varchar(200) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    resource_id     varchar(100) not null,
    created_at      timestamptz  not null,
    primary key (caller, idempotency_key)
);
