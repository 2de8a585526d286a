\set n random(1, :interactions)
\set s random(11, 2000000000)
insert into history_by_start values (md5(:n::text)::uuid, :s, timestamptz '2026-12-15' + random() * interval '10 days',
  'agent-1', 'crm-frontend', 'phone', 'updated', '[]',
  timestamptz '2026-01-01' + (:n::double precision / :interactions) * interval '365 days') on conflict do nothing;
