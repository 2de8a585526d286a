-- The partner's satisfaction with a completed interaction: one answer per interaction, kept as given.
create table interaction_satisfaction (
    interaction_id uuid          primary key references party_interaction (id),
    csat           smallint      check (csat between 1 and 5),
    nps            smallint      check (nps between 0 and 10),
    feedback       varchar(2000),
    respondent     varchar(10)   not null,
    recorded_by    varchar(200)  not null,
    recorded_at    timestamptz   not null,
    check (csat is not null or nps is not null)
);
