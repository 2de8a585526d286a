\set n random(1, :interactions)
\set s random(11, 2000000000)
insert into history_monthly values (md5(:n::text)::uuid, :s, timestamptz '2026-12-15' + random() * interval '10 days',
  'agent-1', 'crm-frontend', 'phone', 'updated', '[]') on conflict do nothing;
