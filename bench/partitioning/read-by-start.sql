\set n random(1, :interactions)
-- The interaction's start, as the service has it from the interaction it has just read (the extra round trip
-- is paid by every read script alike).
select timestamptz '2026-01-01' + (:n::double precision / :interactions) * interval '365 days' as start \gset
select * from history_by_start where interaction_id = md5(:n::text)::uuid and interaction_start = :start
  order by sequence;
