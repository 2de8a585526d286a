-- One row per interaction with just what the analytics need, kept up to date in the transaction of every change
-- to the interaction, so reports read one narrow table instead of joining the log's tables.
create table interaction_fact (
    interaction_id   uuid         primary key references party_interaction (id),
    started_at       timestamptz  not null,
    -- the first channel the interaction came through; channel_count counts the different ones
    channel          varchar(100),
    channel_count    integer      not null,
    reason           varchar(200),
    direction        varchar(10),
    status           varchar(30)  not null,
    -- from start to end, once completed
    handling_seconds double precision,
    -- ever waited for the partner or the back office: not resolved at first contact
    waited           boolean      not null,
    -- a later interaction is a follow-up of this one: the partner had to come back
    followed_up      boolean      not null,
    csat             smallint,
    nps              smallint
);

create index interaction_fact_started_idx on interaction_fact (started_at);

insert into interaction_fact (interaction_id, started_at, channel, channel_count, reason, direction, status,
                              handling_seconds, waited, followed_up)
select i.id, i.interaction_start,
       (select c.channel_name from party_interaction_channel c where c.interaction_id = i.id
        order by c.position limit 1),
       (select count(distinct c.channel_name) from party_interaction_channel c where c.interaction_id = i.id),
       i.reason, i.direction, i.status,
       case when i.status = 'COMPLETED'
            then extract(epoch from coalesce(i.interaction_end, i.status_change_date) - i.interaction_start) end,
       exists (select 1 from party_interaction_history h
               where h.interaction_id = i.id and h.changes like '%"to":"waitingFor%'),
       exists (select 1 from party_interaction_relationship r
               where r.related_id = i.id::text and r.relationship_type = 'followUpOf')
from party_interaction i;
