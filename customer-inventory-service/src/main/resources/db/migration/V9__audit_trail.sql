-- The audit trail of every access to customer records. Two hash chains: "change" for what alters or downloads a
-- record (creates, changes, erasures, exports), kept for good, and "access" for reads, purged after a retention
-- period. Each entry's hash covers its content and the previous entry's hash; audit_chain holds each chain's head
-- and is the row that serialises appends across instances.
create table audit_chain (
    chain         varchar(20) primary key,
    last_sequence bigint      not null,
    last_hash     char(64)    not null
);

insert into audit_chain (chain, last_sequence, last_hash)
values ('access', 0, repeat('0', 64)), ('change', 0, repeat('0', 64));

create table audit_entry (
    id             bigserial    primary key,
    chain          varchar(20)  not null references audit_chain (chain),
    sequence       bigint       not null,
    occurred_at    timestamptz  not null,
    principal      varchar(200) not null,
    client_id      varchar(200),
    roles          varchar(500) not null,
    operation      varchar(50)  not null,
    -- No foreign key: the trail outlives anything that happens to the record, and never holds a write lock on it.
    record_id      uuid         not null,
    via            varchar(100),
    request_id     varchar(128),
    source_address varchar(64),
    purpose        varchar(200),
    changes        text,
    previous_hash  char(64)     not null,
    hash           char(64)     not null,
    unique (chain, sequence)
);

create index audit_entry_record_idx on audit_entry (record_id, occurred_at);
create index audit_entry_principal_idx on audit_entry (principal, occurred_at);
create index audit_entry_time_idx on audit_entry (occurred_at);

-- Where verification of a chain starts once its oldest entries were purged: the last purged entry's sequence and
-- hash, which the first remaining entry names as its previous hash.
create table audit_checkpoint (
    chain          varchar(20) not null references audit_chain (chain),
    sequence       bigint      not null,
    hash           char(64)    not null,
    entries_purged bigint      not null,
    purged_before  timestamptz not null,
    created_at     timestamptz not null,
    primary key (chain, sequence)
);

-- Append-only: entries are never changed, and only the retention purge deletes, only reads, and only inside a
-- transaction that declared itself the purge (set_config('crm.audit_purge', 'on', true)) after writing its
-- checkpoint. The hash chain, not this trigger, is what shows tampering by someone who can bypass it.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.chain = 'access' and current_setting('crm.audit_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'the audit trail is append-only: % of % entry % refused', tg_op, old.chain, old.sequence
        using errcode = 'insufficient_privilege';
end $$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create function audit_refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: truncate of % refused', tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_truncate();

create function audit_checkpoint_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit checkpoints are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_append_only();

create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_truncate();
