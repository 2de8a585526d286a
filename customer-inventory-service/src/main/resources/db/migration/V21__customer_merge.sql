-- A duplicate merged into another record: the merged id answers with a redirect to the survivor.
create table customer_merge (
    id          uuid         primary key,
    merged_id   uuid         not null unique references customer (id),
    survivor_id uuid         not null references customer (id),
    merged_by   varchar(200) not null,
    merged_at   timestamptz  not null,
    note        varchar(1000)
);
