-- GDPR requests served for a customer: every download of its data and its erasure, who asked and when. They stay
-- after the erasure, which anonymises the customer but keeps its record.
alter table customer add column erased_at timestamptz;

create table privacy_request (
    id           uuid         primary key,
    customer_id  uuid         not null references customer (id),
    kind         varchar(20)  not null,
    requested_by varchar(200) not null,
    client_id    varchar(200),
    request_id   varchar(100),
    requested_at timestamptz  not null,
    outcome      varchar(500) not null
);

create index privacy_request_customer_idx on privacy_request (customer_id, requested_at, id);
