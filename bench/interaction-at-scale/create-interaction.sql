-- An agent logging a customer's call, as POST /tmf-api/partyInteraction/v5/partyInteraction does
-- (PartyInteractionService.create), in one transaction: the interaction and its lists as Hibernate inserts them,
-- the first entry of its track record, the analytics' fact (InteractionFacts: run.sh puts its statements in place of
-- the lines naming them), and the create event with a delivery to each of the two active listeners
-- (EventPublisher). One call in ten follows up an earlier interaction of the customer, as in the loaded log: the
-- service checks that it exists, keeps the relationship and marks the earlier one followed up.
\set party random(1, :parties)
\set agent random(0, 499)
\set earlier :party - 1 + :parties * random(1, 99)
\set followup random(1, 10)
begin;
\if :followup = 1
select count(*) from party_interaction where id = md5(:earlier::text)::uuid;
\endif
insert into party_interaction (id, version, description, at_type, at_base_type, at_schema_location, direction,
                               reason, status, status_change_date, interaction_start, interaction_end, due_date,
                               authentication_level, customer_check, deleted_at, deleted_by, created_at, updated_at,
                               created_by, updated_by)
values (gen_random_uuid(), 0, 'Asks why the last bill is higher than usual', null, null, null, 'inbound',
        'billing enquiry', 'OPENED', now(), now(), null, null, 'IDENTIFIED', 'VERIFIED', null, null, now(), now(),
        'agent-' || :agent, 'agent-' || :agent)
returning id \gset
insert into party_interaction_channel (interaction_id, position, at_type, channel_at_type, channel_href, channel_id,
                                       channel_name, channel_type, role, valid_from, valid_to)
values (:id, 0, null, null, '/interaction/v1/channel/phone', 'phone', 'phone', 'Channel', 'contact', null, null);
insert into party_interaction_related_party (interaction_id, position, at_type, interaction_start, party_at_type,
                                             party_href, party_id, party_name, party_type, role, role_party_id,
                                             role_party_name)
values (:id, 0, null, now(), 'PartyRoleRef', null, md5('customer-' || :party)::uuid::text, null, 'Customer',
        'customer', null, null);
\if :followup = 1
insert into party_interaction_relationship (interaction_id, position, at_type, related_href, related_id,
                                            relationship_type)
values (:id, 0, null, null, md5(:earlier::text)::uuid::text, 'followUpOf');
\endif
@REFRESH@
\if :followup = 1
@FOLLOWED_UP@
\endif
select id, query, api_version from hub_listener where status = 'active';
insert into event_outbox (event_id, event_type, subject_id, payload, created_at, trace_parent)
values (gen_random_uuid(), 'PartyInteractionCreateEvent', :id,
        '{"@type":"PartyInteractionCreateEvent","@baseType":"Event","eventId":"' || gen_random_uuid()
        || '","eventTime":"' || (to_json(now() at time zone 'UTC') #>> '{}') || 'Z'
        || '","eventType":"PartyInteractionCreateEvent","domain":"partyInteraction","event":{"partyInteraction":'
        || '{"id":"' || :id || '","href":"/tmf-api/partyInteraction/v5/partyInteraction/' || :id
        || '","@type":"PartyInteraction","@schemaLocation":"/interaction/v1/schema/PartyInteraction.schema.json",'
        || '"description":"Asks why the last bill is higher than usual","direction":"inbound",'
        || '"reason":"billing enquiry","status":"opened","statusChangeDate":"'
        || (to_json(now() at time zone 'UTC') #>> '{}') || 'Z' || '","interactionDate":{"startDateTime":"'
        || (to_json(now() at time zone 'UTC') #>> '{}') || 'Z' || '"},"relatedChannel":[{"role":"contact",'
        || '"channel":{"id":"phone","href":"/interaction/v1/channel/phone","name":"phone","@referredType":"Channel",'
        || '"@type":"ChannelRef"},"@type":"RelatedChannel"}],"relatedParty":[{"role":"customer","partyOrPartyRole":'
        || '{"id":"' || md5('customer-' || :party)::uuid::text || '","@referredType":"Customer","@type":"PartyRoleRef"},'
        || '"@type":"RelatedPartyOrPartyRole"}],"interactionItem":[],"interactionRelationship":[],"note":[],'
        || '"attachment":[],"externalIdentifier":[],"authenticationLevel":"identified","customerCheck":"verified",'
        || '"createdBy":"agent-' || :agent || '","lastUpdatedBy":"agent-' || :agent || '"}}}',
        now(), null)
returning id as event \gset
insert into event_delivery (event_id, event_created_at, listener_id, subject_id, status, attempts, next_attempt_at,
                            created_at)
values (:event, now(), md5('listener-1')::uuid, :id, 'pending', 0, now(), now());
insert into event_delivery (event_id, event_created_at, listener_id, subject_id, status, attempts, next_attempt_at,
                            created_at)
values (:event, now(), md5('listener-2')::uuid, :id, 'pending', 0, now(), now());
-- Hibernate writes the track record's entry when the transaction commits. (The space in "from": null keeps pgbench
-- from taking :null for a variable.)
insert into party_interaction_history (interaction_id, sequence, action, changed_at, changed_by, changes, channel,
                                       client_id)
values (:id, 1, 'created', now(), 'agent-' || :agent,
        '[{"field":"@schemaLocation","from": null,"to":"/interaction/v1/schema/PartyInteraction.schema.json"},'
        || '{"field":"description","from": null,"to":"Asks why the last bill is higher than usual"},'
        || '{"field":"direction","from": null,"to":"inbound"},{"field":"reason","from": null,"to":"billing enquiry"},'
        || '{"field":"status","from": null,"to":"opened"},{"field":"interactionDate","from": null,"to":{"startDateTime":"'
        || (to_json(now() at time zone 'UTC') #>> '{}') || 'Z' || '"}},'
        || '{"field":"relatedChannel","from": null,"to":[{"role":"contact","channel":{"id":"phone",'
        || '"href":"/interaction/v1/channel/phone","name":"phone","@referredType":"Channel","@type":"ChannelRef"},'
        || '"@type":"RelatedChannel"}]},{"field":"relatedParty","from": null,"to":[{"role":"customer",'
        || '"partyOrPartyRole":{"id":"' || md5('customer-' || :party)::uuid::text
        || '","@referredType":"Customer","@type":"PartyRoleRef"},"@type":"RelatedPartyOrPartyRole"}]},'
        || '{"field":"authenticationLevel","from": null,"to":"identified"},'
        || '{"field":"customerCheck","from": null,"to":"verified"}]',
        'phone', 'crm-frontend');
commit;
