-- The interaction log (TMF683). Channels, parties and notes keep the order the client gave them.
create table party_interaction (
    id                 uuid        primary key,
    version            bigint      not null,
    description        varchar(4000),
    direction          varchar(10),
    reason             varchar(200),
    status             varchar(30) not null,
    status_change_date timestamptz not null,
    interaction_start  timestamptz not null,
    interaction_end    timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

-- Lists are served most recent first.
create index party_interaction_start_idx on party_interaction (interaction_start desc, id);

create table party_interaction_channel (
    interaction_id uuid         not null references party_interaction (id) on delete cascade,
    position       integer      not null,
    role           varchar(100),
    channel_id     varchar(100),
    channel_href   varchar(500),
    channel_name   varchar(100) not null,
    channel_type   varchar(100),
    primary key (interaction_id, position)
);

create table party_interaction_related_party (
    interaction_id uuid         not null references party_interaction (id) on delete cascade,
    position       integer      not null,
    role           varchar(100) not null,
    party_id       varchar(100) not null,
    party_href     varchar(500),
    party_name     varchar(200),
    party_type     varchar(100) not null,
    primary key (interaction_id, position)
);

-- A party's interactions are looked up by its reference.
create index party_interaction_related_party_ref_idx on party_interaction_related_party (party_type, party_id);

create table party_interaction_note (
    interaction_id uuid          not null references party_interaction (id) on delete cascade,
    position       integer       not null,
    note_id        varchar(100)  not null,
    author         varchar(200),
    note_date      timestamptz   not null,
    text           varchar(4000) not null,
    primary key (interaction_id, position)
);
