-- Demo customers and their parties for the local stack only (never on the default Flyway locations). Their ids
-- are fixed so that the interaction service's demo data and the documentation can refer to them. Their data
-- sources are two of the feeding systems the data-quality report tells apart.
insert into party (id, version, party_type, status, name, given_name, family_name, birth_date, trading_name,
                   document, data_source, created_at, updated_at, created_by, updated_by)
values ('0a1b2c3d-0000-4000-8000-0000000000b1', 0, 'Individual', 'validated', 'Alice Martin', 'Alice', 'Martin',
        '1988-04-02', null,
        '{"@type": "Individual", "name": "Alice Martin", "givenName": "Alice", "familyName": "Martin",
          "birthDate": "1988-04-02T00:00:00Z", "status": "validated", "nationality": "FR"}',
        'crm-frontend', now(), now(), 'demo-data', 'demo-data'),
       ('0a1b2c3d-0000-4000-8000-0000000000b2', 0, 'Organization', 'validated', 'Northwind Traders Ltd', null, null,
        null, 'Northwind Traders',
        '{"@type": "Organization", "name": "Northwind Traders Ltd", "tradingName": "Northwind Traders",
          "isLegalEntity": true, "status": "validated", "organizationIdentification": [{"@type":
          "OrganizationIdentification", "identificationType": "companyRegistration", "identificationId": "04512398",
          "issuingAuthority": "Companies House", "country": "GB"}]}',
        'billing-migration', now(), now(), 'demo-data', 'demo-data')
on conflict (id) do nothing;

insert into customer (id, version, name, name_normalized, description, status, valid_from, engaged_party_id,
                      engaged_party_href, engaged_party_name, engaged_party_type, engaged_party_referred_type,
                      party_id, created_at, updated_at, created_by, updated_by, data_source)
values ('0a1b2c3d-0000-4000-8000-000000000001', 0, 'Alice Martin', 'alice martin', 'Residential mobile and fibre customer',
        'initialized', '2024-01-15T00:00:00Z', '0a1b2c3d-0000-4000-8000-0000000000b1',
        '/tmf-api/partyManagement/v5/individual/0a1b2c3d-0000-4000-8000-0000000000b1', 'Alice Martin', 'PartyRef',
        'Individual', '0a1b2c3d-0000-4000-8000-0000000000b1', now(), now(), 'demo-data', 'demo-data', 'crm-frontend'),
       ('0a1b2c3d-0000-4000-8000-000000000002', 0, 'Northwind Traders Ltd', 'northwind traders ltd',
        'Business customer, 40 mobile lines',
        'initialized', '2023-06-01T00:00:00Z', '0a1b2c3d-0000-4000-8000-0000000000b2',
        '/tmf-api/partyManagement/v5/organization/0a1b2c3d-0000-4000-8000-0000000000b2', 'Northwind Traders Ltd',
        'PartyRef', 'Organization', '0a1b2c3d-0000-4000-8000-0000000000b2', now(), now(), 'demo-data', 'demo-data',
        'billing-migration')
on conflict (id) do nothing;

-- The normalised columns hold what the list's filters and search compare: folded emails, E.164 phone numbers.
insert into customer_contact_medium (customer_id, position, medium_type, preferred, email_address, email_normalized,
                                     phone_number, phone_normalized, street1, city, post_code, country)
values ('0a1b2c3d-0000-4000-8000-000000000001', 0, 'email', true, 'alice.martin@example.org',
        'alice.martin@example.org', null, null, null, null, null, null),
       ('0a1b2c3d-0000-4000-8000-000000000001', 1, 'mobile', false, null, null, '+33612345678', '+33612345678',
        null, null, null, null),
       ('0a1b2c3d-0000-4000-8000-000000000002', 0, 'email', true, 'it-desk@northwind.example.org',
        'it-desk@northwind.example.org', null, null, null, null, null, null),
       ('0a1b2c3d-0000-4000-8000-000000000002', 1, 'postalAddress', false, null, null, null, null, '12 Harbour Street',
        'Bristol', 'BS1 4DJ', 'GB')
on conflict (customer_id, position) do nothing;

insert into agreement (id, version, customer_id, name, description, agreement_type, status, valid_from, valid_to,
                       created_at, updated_at, created_by, updated_by)
values ('0a1b2c3d-0000-4000-8000-0000000000a1', 0, '0a1b2c3d-0000-4000-8000-000000000001',
        'Fibre 1 Gbit/s and mobile bundle, 24 months', 'Home bundle signed in the Lyon store', 'commercial', 'active',
        '2024-01-15T00:00:00Z', '2026-01-14T23:59:59Z', now(), now(), 'demo-data', 'demo-data')
on conflict (id) do nothing;

insert into agreement_term (agreement_id, position, description)
values ('0a1b2c3d-0000-4000-8000-0000000000a1', 0, 'Minimum term of 24 months; early termination fee of 10 EUR a month left')
on conflict (agreement_id, position) do nothing;
