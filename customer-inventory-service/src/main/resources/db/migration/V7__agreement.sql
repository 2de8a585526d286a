-- Agreements (contracts) established with customers. The customer is a foreign key, so an agreement never
-- outlives the record it belongs to; the other engaged parties, terms and documents keep the client's order.
create table agreement (
    id             uuid         primary key,
    version        bigint       not null,
    customer_id    uuid         not null references customer (id),
    name           varchar(200) not null,
    description    varchar(2000),
    agreement_type varchar(100) not null,
    status         varchar(30)  not null,
    status_reason  varchar(500),
    valid_from     timestamptz,
    valid_to       timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    created_by     varchar(200) not null,
    updated_by     varchar(200) not null
);

-- A customer's agreements, oldest first, and lists of all agreements, newest first.
create index agreement_customer_idx on agreement (customer_id, created_at, id);
create index agreement_created_at_idx on agreement (created_at desc, id);

create table agreement_party (
    agreement_id  uuid         not null references agreement (id) on delete cascade,
    position      integer      not null,
    role          varchar(100) not null,
    ref_id        varchar(100) not null,
    href          varchar(500),
    name          varchar(200),
    referred_type varchar(100) not null,
    primary key (agreement_id, position)
);

create table agreement_term (
    agreement_id uuid          not null references agreement (id) on delete cascade,
    position     integer       not null,
    description  varchar(2000) not null,
    valid_from   timestamptz,
    valid_to     timestamptz,
    primary key (agreement_id, position)
);

create table agreement_document (
    agreement_id  uuid         not null references agreement (id) on delete cascade,
    position      integer      not null,
    ref_id        varchar(100) not null,
    href          varchar(500),
    name          varchar(200),
    referred_type varchar(100) not null,
    primary key (agreement_id, position)
);
