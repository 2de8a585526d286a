-- The interaction as TMF683 v5 defines it. Every nested object keeps the @type its client sent (null: the
-- specification's default type); directions and relationship types are free text as in the specification;
-- channels are known by id; items carry their period, reason, resolution and the entity itself; attachment
-- sizes are quantities; deleted interactions stay in the log for their track record.

alter table party_interaction add column at_type varchar(100);
alter table party_interaction add column at_base_type varchar(100);
alter table party_interaction add column at_schema_location varchar(500);
alter table party_interaction alter column direction type varchar(50);
update party_interaction set direction = lower(direction) where direction is not null;
alter table interaction_fact alter column direction type varchar(50);
update interaction_fact set direction = lower(direction) where direction is not null;

-- DELETE on the API: the interaction answers 404 from then on, its history stays readable to auditors.
alter table party_interaction add column deleted_at timestamptz;
alter table party_interaction add column deleted_by varchar(200);

alter table party_interaction_channel add column at_type varchar(100);
alter table party_interaction_channel add column channel_at_type varchar(100);
-- The channel catalogue's default ids are the channel names, so stored channels get the id they would get now.
update party_interaction_channel set channel_id = channel_name where channel_id is null;
-- ... and a catalogued channel is referred to by its place in the catalogue.
update party_interaction_channel set channel_href = '/interaction/v1/channel/' || channel_id
where channel_href is null
  and channel_id in ('phone', 'email', 'webSelfService', 'chat', 'sms', 'store', 'device', 'letter', 'socialMedia');
alter table party_interaction_channel alter column channel_id set not null;
alter table party_interaction_channel alter column channel_name drop not null;

alter table party_interaction_related_party add column at_type varchar(100);
alter table party_interaction_related_party add column party_at_type varchar(100);
alter table party_interaction_related_party add column role_party_id varchar(100);
alter table party_interaction_related_party add column role_party_name varchar(200);
alter table party_interaction_related_party alter column party_type drop not null;

-- An item refers to an entity (item_id, item_type) or holds it by value (entity); either way the whole item
-- as the client sent it is in document, and the columns are what lists, exports and analytics read.
alter table party_interaction_item rename column item_date to item_start;
alter table party_interaction_item add column item_end timestamptz;
alter table party_interaction_item alter column item_id drop not null;
alter table party_interaction_item alter column item_type drop not null;
alter table party_interaction_item add column document text;
update party_interaction_item set document = json_strip_nulls(json_build_object(
    'id', item_entry_id,
    'itemDate', case when item_start is not null then json_build_object(
        'startDateTime', to_char(item_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) end,
    'item', json_build_object('entity', json_build_object(
        'id', item_id, 'href', item_href, 'name', item_name, '@referredType', item_type, '@type', 'EntityRef')))
)::text;
alter table party_interaction_item alter column document set not null;

alter table party_interaction_relationship alter column relationship_type type varchar(100);
alter table party_interaction_relationship add column at_type varchar(100);
-- A relationship to an interaction logged in another system keeps the href its client gave.
alter table party_interaction_relationship add column related_href varchar(500);

alter table party_interaction_note add column at_type varchar(100);

alter table party_interaction_attachment add column at_type varchar(100);
alter table party_interaction_attachment add column attachment_href varchar(500);
alter table party_interaction_attachment add column referred_type varchar(100);
alter table party_interaction_attachment add column size_amount numeric;
alter table party_interaction_attachment add column size_units varchar(50);
alter table party_interaction_attachment add column valid_from timestamptz;
alter table party_interaction_attachment add column valid_to timestamptz;
update party_interaction_attachment set size_amount = size_bytes, size_units = 'bytes' where size_bytes is not null;
alter table party_interaction_attachment drop column size_bytes;
-- An AttachmentRef may point at a document by its reference alone.
alter table party_interaction_attachment alter column name drop not null;
alter table party_interaction_attachment alter column url drop not null;

alter table party_interaction_external_id add column at_type varchar(100);

-- The specification names the status event PartyInteractionStatusChangeEvent; listeners registered for the old
-- name keep receiving it.
update hub_listener set query = replace(query, 'PartyInteractionStateChangeEvent', 'PartyInteractionStatusChangeEvent')
where query like '%PartyInteractionStateChangeEvent%';
