-- The audit trail becomes a partitioned table: the change chain, kept for good, in one partition, and the access
-- chain, which grows with every read of a customer and is purged after its retention, in one partition per
-- calendar month (UTC), named audit_entry_access_YYYY_MM. Retention then drops whole months instead of deleting
-- millions of rows one by one. The service creates the months ahead of time (MonthlyPartitions); this migration
-- creates those its existing entries need and three more, and moves every entry over in its transaction.
--
-- A key of a partitioned table must hold the partition columns, so the entry's key is (chain, sequence,
-- occurred_at): sequence alone is still unique within a chain, as the chain's head row serialises every append.
alter table audit_entry rename to audit_entry_before_partitioning;

create table audit_entry (
    id             bigint       not null default nextval('audit_entry_id_seq'),
    chain          varchar(20)  not null,
    sequence       bigint       not null,
    occurred_at    timestamptz  not null,
    principal      varchar(200) not null,
    client_id      varchar(200),
    roles          varchar(500) not null,
    operation      varchar(50)  not null,
    record_id      uuid         not null,
    via            varchar(100),
    request_id     varchar(128),
    source_address varchar(64),
    purpose        varchar(200),
    changes        text,
    previous_hash  char(64)     not null,
    hash           char(64)     not null
) partition by list (chain);

create table audit_entry_change partition of audit_entry for values in ('change');

create table audit_entry_access partition of audit_entry for values in ('access') partition by range (occurred_at);

do $$
declare
    month timestamptz := date_trunc('month',
        least(coalesce((select min(occurred_at) from audit_entry_before_partitioning where chain = 'access'), now()),
              now()) at time zone 'UTC') at time zone 'UTC';
    last_month timestamptz := (date_trunc('month', now() at time zone 'UTC') + interval '3 months') at time zone 'UTC';
begin
    while month <= last_month loop
        execute format('create table %I partition of audit_entry_access for values from (%L) to (%L)',
                       'audit_entry_access_' || to_char(month at time zone 'UTC', 'YYYY_MM'), month,
                       ((month at time zone 'UTC') + interval '1 month') at time zone 'UTC');
        month := ((month at time zone 'UTC') + interval '1 month') at time zone 'UTC';
    end loop;
end $$;

insert into audit_entry (id, chain, sequence, occurred_at, principal, client_id, roles, operation, record_id, via,
                         request_id, source_address, purpose, changes, previous_hash, hash)
select id, chain, sequence, occurred_at, principal, client_id, roles, operation, record_id, via, request_id,
       source_address, purpose, changes, previous_hash, hash
from audit_entry_before_partitioning;

alter sequence audit_entry_id_seq owned by audit_entry.id;
drop table audit_entry_before_partitioning;

alter table audit_entry add primary key (chain, sequence, occurred_at);
alter table audit_entry add foreign key (chain) references audit_chain (chain);
create index audit_entry_record_idx on audit_entry (record_id, occurred_at);
create index audit_entry_principal_idx on audit_entry (principal, occurred_at);
create index audit_entry_time_idx on audit_entry (occurred_at);

-- The same guards as before. The row trigger reaches every partition, those created later too. Dropping an expired
-- month of reads is the retention purge's own act, done after it wrote its checkpoint (ReadRetention).
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_truncate();

create trigger audit_entry_change_no_truncate before truncate on audit_entry_change
    for each statement execute function audit_refuse_truncate();
