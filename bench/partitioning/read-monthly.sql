\set n random(1, :interactions)
-- The round trip of reading the interaction first, which every read here pays alike (read-by-start.sql uses it).
select timestamptz '2026-01-01' + (:n::double precision / :interactions) * interval '365 days' as start \gset
select * from history_monthly where interaction_id = md5(:n::text)::uuid order by sequence;
