-- Data-quality audits: runs over all customers in chunks, the findings they keep, stewards' verifications.

-- One run at a time: at most one row may be running, whatever the number of service instances.
create table quality_run (
    id                   uuid         primary key,
    status               varchar(20)  not null,
    data_source          varchar(100),
    requested_by         varchar(200) not null,
    started_at           timestamptz  not null,
    finished_at          timestamptz,
    total                bigint       not null,
    checked              bigint       not null default 0,
    findings             bigint       not null default 0,
    flawed_customers     bigint       not null default 0,
    cursor_id            uuid,
    owner                varchar(100),
    heartbeat_at         timestamptz  not null,
    -- Where the current owner took the run over: the rate for the ETA is measured from here.
    segment_started_at   timestamptz  not null,
    segment_checked      bigint       not null default 0,
    failure              varchar(1000)
);
create unique index quality_run_one_running on quality_run ((true)) where status = 'running';
create index quality_run_started_idx on quality_run (started_at desc, id);

-- Per run, rule and source system: how many customers had findings of the rule, and how many findings.
create table quality_run_tally (
    run_id      uuid         not null references quality_run (id) on delete cascade,
    rule        varchar(60)  not null,
    data_source varchar(100) not null,
    severity    varchar(20)  not null,
    customers   bigint       not null,
    findings    bigint       not null,
    primary key (run_id, rule, data_source)
);

-- A shortcoming of one customer record. The same shortcoming found again by a later run is the same finding
-- (rule, customer, detail), so an exception a steward accepted stays accepted.
create table quality_finding (
    id                  uuid          primary key,
    version             bigint        not null,
    rule                varchar(60)   not null,
    customer_id         uuid          not null references customer (id),
    detail_key          varchar(300)  not null,
    severity            varchar(20)   not null,
    fields              varchar(300)  not null,
    message             varchar(1000) not null,
    related_customer_id uuid,
    data_source         varchar(100),
    status              varchar(20)   not null,
    status_reason       varchar(500),
    status_changed_by   varchar(200),
    status_changed_at   timestamptz,
    first_run_id        uuid,
    last_run_id         uuid,
    first_found_at      timestamptz   not null,
    last_found_at       timestamptz   not null,
    unique (rule, customer_id, detail_key)
);
create index quality_finding_customer_idx on quality_finding (customer_id);
create index quality_finding_run_idx on quality_finding (last_run_id);
create index quality_finding_status_idx on quality_finding (status, rule);

create table quality_verification (
    id          uuid          primary key,
    customer_id uuid          not null references customer (id),
    outcome     varchar(20)   not null,
    note        varchar(2000),
    verified_by varchar(200)  not null,
    verified_at timestamptz   not null
);
create index quality_verification_customer_idx on quality_verification (customer_id, verified_at desc);

-- Duplicate candidates: the same birth date, or the same postal address (post code without spaces, street).
create index customer_birth_date_idx on customer (birth_date) where birth_date is not null;
create index customer_contact_medium_address_idx on customer_contact_medium
    (upper(regexp_replace(post_code, '\s', '', 'g')), lower(street1))
    where post_code is not null and street1 is not null;
