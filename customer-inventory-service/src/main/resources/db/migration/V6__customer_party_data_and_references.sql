-- The engaged party's own data (an individual's names and birth date, an organization's trading name and type),
-- its identifications, and what the customer refers to: accounts, payment methods, related parties and credit
-- profiles. Lists keep the order the client gave them.
alter table customer add column given_name varchar(100);
alter table customer add column middle_name varchar(100);
alter table customer add column family_name varchar(100);
alter table customer add column birth_date date;
alter table customer add column trading_name varchar(200);
alter table customer add column organization_type varchar(100);

create table customer_party_identification (
    customer_id         uuid         not null references customer (id) on delete cascade,
    position            integer      not null,
    identification_type varchar(50)  not null,
    identification_id   varchar(100) not null,
    issuing_authority   varchar(200),
    country             varchar(2),
    valid_from          timestamptz,
    valid_to            timestamptz,
    primary key (customer_id, position)
);

create table customer_account (
    customer_id   uuid         not null references customer (id) on delete cascade,
    position      integer      not null,
    ref_id        varchar(100) not null,
    href          varchar(500),
    name          varchar(200),
    referred_type varchar(100) not null,
    primary key (customer_id, position)
);

create table customer_payment_method (
    customer_id   uuid         not null references customer (id) on delete cascade,
    position      integer      not null,
    ref_id        varchar(100) not null,
    href          varchar(500),
    name          varchar(200),
    referred_type varchar(100) not null,
    primary key (customer_id, position)
);

create table customer_related_party (
    customer_id   uuid         not null references customer (id) on delete cascade,
    position      integer      not null,
    role          varchar(100) not null,
    ref_id        varchar(100) not null,
    href          varchar(500),
    name          varchar(200),
    referred_type varchar(100) not null,
    primary key (customer_id, position)
);

create table customer_credit_profile (
    customer_id         uuid        not null references customer (id) on delete cascade,
    position            integer     not null,
    credit_profile_date timestamptz not null,
    credit_risk_rating  integer,
    credit_score        integer,
    valid_from          timestamptz,
    valid_to            timestamptz,
    primary key (customer_id, position)
);
