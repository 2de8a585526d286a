-- The full TMF683 record: lifecycle, due date, authentication level, customer check, items, relationships,
-- attachments, external identifiers, channel times, and the immutable history of every change.

update party_interaction set status = 'OPENED' where status = 'opened';

alter table party_interaction add column due_date timestamptz;
alter table party_interaction add column authentication_level varchar(20) not null default 'ANONYMOUS';
-- VERIFIED once the customer inventory confirmed every customer; PENDING while it could not be asked.
alter table party_interaction add column customer_check varchar(20) not null default 'VERIFIED';

-- The customer checks still owed are found without scanning the log.
create index party_interaction_customer_check_pending_idx on party_interaction (created_at)
    where customer_check = 'PENDING';

alter table party_interaction_channel add column valid_from timestamptz;
alter table party_interaction_channel add column valid_to timestamptz;

-- A party's timeline (its interactions, most recent first) is one index range scan: the start of the
-- interaction is kept beside each of its parties.
alter table party_interaction_related_party add column interaction_start timestamptz;
update party_interaction_related_party p set interaction_start = i.interaction_start
    from party_interaction i where i.id = p.interaction_id;
alter table party_interaction_related_party alter column interaction_start set not null;
drop index party_interaction_related_party_ref_idx;
create index party_interaction_timeline_idx
    on party_interaction_related_party (party_id, interaction_start desc, interaction_id);

create table party_interaction_item (
    interaction_id uuid         not null references party_interaction (id) on delete cascade,
    position       integer      not null,
    item_entry_id  varchar(100) not null,
    item_id        varchar(100) not null,
    item_href      varchar(500),
    item_name      varchar(200),
    item_type      varchar(100) not null,
    item_date      timestamptz,
    primary key (interaction_id, position)
);

-- Interactions about a given order, bill or ticket.
create index party_interaction_item_ref_idx on party_interaction_item (item_id);

create table party_interaction_relationship (
    interaction_id     uuid         not null references party_interaction (id) on delete cascade,
    position           integer      not null,
    relationship_type  varchar(20)  not null,
    related_id         varchar(100) not null,
    primary key (interaction_id, position)
);

create table party_interaction_attachment (
    interaction_id  uuid          not null references party_interaction (id) on delete cascade,
    position        integer       not null,
    attachment_id   varchar(100)  not null,
    name            varchar(200)  not null,
    attachment_type varchar(100),
    mime_type       varchar(100),
    url             varchar(1000) not null,
    size_bytes      bigint,
    description     varchar(1000),
    primary key (interaction_id, position)
);

create table party_interaction_external_id (
    interaction_id           uuid         not null references party_interaction (id) on delete cascade,
    position                 integer      not null,
    external_id              varchar(200) not null,
    owner                    varchar(100),
    external_identifier_type varchar(100),
    primary key (interaction_id, position)
);

-- The track record: one row per change, never updated or deleted.
create table party_interaction_history (
    interaction_id uuid         not null references party_interaction (id),
    sequence       bigint       not null,
    changed_at     timestamptz  not null,
    changed_by     varchar(200) not null,
    client_id      varchar(200),
    channel        varchar(100),
    action         varchar(30)  not null,
    changes        text         not null,
    primary key (interaction_id, sequence)
);

insert into party_interaction_history (interaction_id, sequence, changed_at, changed_by, action, changes)
select id, 1, created_at, created_by, 'created', '[]' from party_interaction;
