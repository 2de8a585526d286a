-- Customer records (TMF629). Contact media and characteristics keep the order the client gave them.
create table customer (
    id                 uuid         primary key,
    version            bigint       not null,
    name               varchar(200) not null,
    description        varchar(2000),
    status             varchar(30)  not null,
    status_reason      varchar(500),
    valid_from         timestamptz,
    valid_to           timestamptz,
    engaged_party_id   varchar(100),
    engaged_party_href varchar(500),
    engaged_party_name varchar(200),
    engaged_party_type varchar(100),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

-- Lists are served newest first.
create index customer_created_at_idx on customer (created_at desc, id);

create table customer_contact_medium (
    customer_id       uuid         not null references customer (id) on delete cascade,
    position          integer      not null,
    medium_type       varchar(50)  not null,
    contact_type      varchar(50),
    preferred         boolean      not null default false,
    valid_from        timestamptz,
    valid_to          timestamptz,
    email_address     varchar(254),
    phone_number      varchar(32),
    street1           varchar(200),
    street2           varchar(200),
    city              varchar(100),
    post_code         varchar(20),
    state_or_province varchar(100),
    country           varchar(100),
    primary key (customer_id, position)
);

create table customer_characteristic (
    customer_id uuid         not null references customer (id) on delete cascade,
    position    integer      not null,
    name        varchar(100) not null,
    value_type  varchar(50),
    value_text  varchar(1000),
    primary key (customer_id, position)
);
