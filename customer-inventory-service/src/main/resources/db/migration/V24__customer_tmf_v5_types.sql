-- TMF v5 contact media: each keeps the @type and id its client gave, and fax and social media have their own
-- attribute. (V23 is the event hub's.)
alter table customer_contact_medium add column at_type varchar(100);
alter table customer_contact_medium add column medium_id varchar(100);
alter table customer_contact_medium add column fax_number varchar(32);
alter table customer_contact_medium add column social_network_id varchar(200);

-- References keep the TMF @type their client gave (AccountRef, PaymentMethodRef, RelatedPartyRefOrPartyRoleRef,
-- PartyRef, ...); without one, the customer resource shows the specification's type for its kind.
alter table customer_account add column at_type varchar(100);
alter table customer_payment_method add column at_type varchar(100);
alter table customer_related_party add column at_type varchar(100);
alter table customer_related_party add column party_at_type varchar(100);

-- A customer may refer to a party held in another party management system (TMF629 v5 PartyRef): then
-- engaged_party_type is PartyRef, the kind of party it refers to is kept here, and no party data is held.
alter table customer add column engaged_party_referred_type varchar(100);

-- DELETE on the TMF API erases the customer and takes it off the API (404 from then on); the record stays, as its
-- audit trail, privacy requests and agreements do.
alter table customer add column deleted_at timestamptz;
alter table customer add column deleted_by varchar(200);
