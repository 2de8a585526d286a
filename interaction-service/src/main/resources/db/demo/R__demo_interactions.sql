-- Demo interactions for the local stack only. They refer to the customer inventory's demo customers.
insert into party_interaction (id, version, description, direction, reason, status, status_change_date,
                               interaction_start, interaction_end, created_at, updated_at, created_by,
                               updated_by)
values ('5e1f0000-0000-4000-8000-000000000001', 0, 'Customer calls about a roaming charge on the October bill',
        'inbound', 'billing enquiry', 'OPENED', now(), now() - interval '2 hours', null, now(), now(), 'demo-data',
        'demo-data')
on conflict (id) do nothing;

insert into party_interaction_channel (interaction_id, position, role, channel_id, channel_name, channel_type)
values ('5e1f0000-0000-4000-8000-000000000001', 0, 'contact', 'phone', 'phone', 'Channel')
on conflict (interaction_id, position) do nothing;

insert into party_interaction_related_party (interaction_id, position, role, party_id, party_name, party_type,
                                             interaction_start)
select '5e1f0000-0000-4000-8000-000000000001', 0, 'customer', '0a1b2c3d-0000-4000-8000-000000000001',
       'Alice Martin', 'Customer', interaction_start
from party_interaction where id = '5e1f0000-0000-4000-8000-000000000001'
on conflict (interaction_id, position) do nothing;

insert into party_interaction_note (interaction_id, position, note_id, author, note_date, text)
values ('5e1f0000-0000-4000-8000-000000000001', 0, 'demo-note-1', 'demo agent', now(),
        'Explained roaming zones; customer asked for an itemised statement.')
on conflict (interaction_id, position) do nothing;

insert into party_interaction_history (interaction_id, sequence, changed_at, changed_by, action, changes)
values ('5e1f0000-0000-4000-8000-000000000001', 1, now(), 'demo-data', 'created', '[]')
on conflict (interaction_id, sequence) do nothing;

-- Demo rows are inserted after the versioned migrations, so the analytics' copy of them is made here.
insert into interaction_fact (interaction_id, started_at, channel, channel_count, reason, direction, status, waited,
                              followed_up)
select i.id, i.interaction_start, 'phone', 1, i.reason, i.direction, i.status, false, false
from party_interaction i where i.id = '5e1f0000-0000-4000-8000-000000000001'
on conflict (interaction_id) do nothing;
