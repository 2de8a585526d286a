-- How the inventory's API is used: per day, principal, client and operation, counters that every instance adds
-- to. The unauthenticated principal and a missing client are stored as '-', as key columns cannot be null.
create table usage_daily (
    day             date         not null,
    principal       varchar(200) not null,
    client_id       varchar(200) not null,
    operation       varchar(100) not null,
    requests        bigint       not null,
    errors          bigint       not null,
    denied          bigint       not null,
    records_read    bigint       not null,
    records_written bigint       not null,
    bytes_returned  bigint       not null,
    primary key (day, principal, client_id, operation)
);

create index usage_daily_principal_idx on usage_daily (principal, day);
