-- The parties customers engage, as TMF632 resources of their own: an individual or an organization. The whole
-- resource is kept as its client sent it in document (the inventory adds id, href and @type when it shows it);
-- beside it, the columns that data-quality rules, search and erasure read, written from the same resource.
create table party (
    id                uuid         primary key,
    version           bigint       not null,
    party_type        varchar(20)  not null check (party_type in ('Individual', 'Organization')),
    status            varchar(30)  not null,
    name              varchar(200) not null,
    given_name        varchar(100),
    middle_name       varchar(100),
    family_name       varchar(100),
    birth_date        date,
    trading_name      varchar(200),
    organization_type varchar(100),
    document          jsonb        not null,
    data_source       varchar(100),
    erased_at         timestamptz,
    deleted_at        timestamptz,
    deleted_by        varchar(200),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    created_by        varchar(200) not null,
    updated_by        varchar(200) not null
);

create index party_created_at_idx on party (party_type, created_at desc, id);
create index party_birth_date_idx on party (birth_date) where birth_date is not null;

-- A customer refers to its party by the TMF PartyRef in the engaged_party_* columns. When the inventory holds that
-- party, party_id is it too; when the party is held elsewhere, party_id is null.
alter table customer add column party_id uuid references party (id);
create index customer_party_idx on customer (party_id);

-- Every party whose data a customer held inline becomes a party of its own, with the customer's creation and
-- authors. An id the client had given the party in its own system is kept as the party's external reference.
create temporary table held_party on commit drop as
select c.id as customer_id, gen_random_uuid() as party_id from customer c
where c.engaged_party_type in ('Individual', 'Organization');

insert into party (id, version, party_type, status, name, given_name, middle_name, family_name, birth_date,
                   trading_name, organization_type, document, data_source, erased_at, created_at, updated_at,
                   created_by, updated_by)
select h.party_id, 0, c.engaged_party_type, 'initialized',
       coalesce(nullif(btrim(c.engaged_party_name), ''),
                case when c.engaged_party_type = 'Organization' then c.trading_name
                     else concat_ws(' ', c.given_name, c.middle_name, c.family_name) end, c.name),
       c.given_name, c.middle_name, c.family_name, c.birth_date, c.trading_name, c.organization_type,
       jsonb_strip_nulls(jsonb_build_object(
           '@type', c.engaged_party_type,
           'name', coalesce(nullif(btrim(c.engaged_party_name), ''),
                            case when c.engaged_party_type = 'Organization' then c.trading_name
                                 else concat_ws(' ', c.given_name, c.middle_name, c.family_name) end, c.name),
           'givenName', c.given_name,
           'middleName', c.middle_name,
           'familyName', c.family_name,
           'birthDate', to_char(c.birth_date, 'YYYY-MM-DD') || 'T00:00:00Z',
           'tradingName', c.trading_name,
           'organizationType', c.organization_type,
           'status', 'initialized',
           case when c.engaged_party_type = 'Organization' then 'organizationIdentification'
                else 'individualIdentification' end,
           (select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                       '@type', case when c.engaged_party_type = 'Organization' then 'OrganizationIdentification'
                                     else 'IndividualIdentification' end,
                       'identificationType', i.identification_type,
                       'identificationId', i.identification_id,
                       'issuingAuthority', i.issuing_authority,
                       'country', i.country,
                       'validFor', nullif(jsonb_strip_nulls(jsonb_build_object(
                           'startDateTime', to_char(i.valid_from at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                           'endDateTime', to_char(i.valid_to at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
                           '{}'::jsonb)))
                   order by i.position)
            from customer_party_identification i where i.customer_id = c.id),
           'externalReference', case when c.engaged_party_id is not null then jsonb_build_array(jsonb_build_object(
               '@type', 'ExternalIdentifier', 'id', c.engaged_party_id,
               'externalIdentifierType', 'partyIdBeforeMigration')) end)),
       c.data_source, c.erased_at, c.created_at, c.updated_at, c.created_by, c.updated_by
from customer c join held_party h on h.customer_id = c.id;

update customer c
set party_id = h.party_id,
    engaged_party_id = h.party_id::text,
    engaged_party_href = '/tmf-api/partyManagement/v5/'
        || case when c.engaged_party_type = 'Organization' then 'organization' else 'individual' end
        || '/' || h.party_id,
    engaged_party_referred_type = c.engaged_party_type,
    engaged_party_type = 'PartyRef',
    engaged_party_name = (select p.name from party p where p.id = h.party_id)
from held_party h
where h.customer_id = c.id;

drop index customer_birth_date_idx;
alter table customer drop column given_name;
alter table customer drop column middle_name;
alter table customer drop column family_name;
alter table customer drop column birth_date;
alter table customer drop column trading_name;
alter table customer drop column organization_type;
drop table customer_party_identification;
