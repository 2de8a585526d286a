#!/usr/bin/env bash
# Per-party timeline benchmark: see README.md beside this file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=crm_bench_timeline
interactions="${BENCH_INTERACTIONS:-10000000}"
customers=100000
agents=500

psql -qAt -d postgres -c "drop database if exists $db" -c "create database $db"
cleanup() { [ "${BENCH_KEEP:-0}" = 1 ] || psql -qAt -d postgres -c "drop database if exists $db with (force)"; }
trap cleanup EXIT

echo "Applying the interaction service's migrations"
# The shared tables first (from service-support), then its own, each in version order, as the service applies them.
for migration in $(ls "$root"/service-support/src/main/resources/db/support/V*.sql | sort -V) \
    $(ls "$root"/interaction-service/src/main/resources/db/migration/V*.sql | sort -V); do
  psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$migration"
done

echo "Loading $interactions interactions over $customers customers and $agents agents"
start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
set synchronous_commit = off;
-- Load without the timeline index and build it afterwards, as a bulk import would.
drop index party_interaction_timeline_idx;
insert into party_interaction (id, version, description, direction, reason, status, status_change_date,
                               interaction_start, created_at, updated_at, created_by, updated_by)
select gen_random_uuid(), 0, 'benchmark interaction ' || n, case when n % 3 = 0 then 'outbound' else 'inbound' end,
       'enquiry', 'COMPLETED', t, t, t, t, 'bench', 'bench'
from (select n, timestamptz '2021-01-01' + (n::double precision / $interactions) * interval '5 years'
                  + (random() * interval '1 hour') as t
      from generate_series(1, $interactions) n) s;
insert into party_interaction_related_party (interaction_id, position, role, party_id, party_type, interaction_start)
select id, 0, 'customer', 'customer-' || (1 + floor(random() * $customers)::int), 'Customer', interaction_start
from party_interaction;
insert into party_interaction_related_party (interaction_id, position, role, party_id, party_type, interaction_start)
select id, 1, 'agent', 'agent-' || (1 + floor(random() * $agents)::int), 'Individual', interaction_start
from party_interaction;
create index party_interaction_timeline_idx
    on party_interaction_related_party (party_id, interaction_start desc, interaction_id);
vacuum analyze party_interaction;
vacuum analyze party_interaction_related_party;
SQL
echo "Loaded in $(( $(date +%s) - start )) s:"
psql -qAt -d "$db" -c "select 'party_interaction rows: ' || count(*) from party_interaction" \
  -c "select 'related party rows:    ' || count(*) from party_interaction_related_party"

# The page query exactly as the service sends it (PartyInteractionRepository.timelineOf), first page of 20.
timeline="select i.* from (
    select distinct p.interaction_start, p.interaction_id from party_interaction_related_party p
    where p.party_id = :party
    order by p.interaction_start desc, p.interaction_id
    limit 20 offset 0) page
join party_interaction i on i.id = page.interaction_id
order by page.interaction_start desc, page.interaction_id;"
count="select count(distinct interaction_id) from party_interaction_related_party where party_id = :party;"
# The baseline: the same page, ordered by the interaction's own start.
baseline="select i.* from party_interaction i
where exists (select 1 from party_interaction_related_party p where p.interaction_id = i.id and p.party_id = :party)
order by i.interaction_start desc, i.id
limit 20 offset 0;"

plan() {
  echo; echo "== Plan: $1"
  psql -qAt -d "$db" -v party="'customer-4242'" <<SQL
explain (analyze, buffers, costs off) $2
SQL
}
plan "timeline page (service), a customer" "$timeline"
plan "timeline count (service), a customer" "$count"
plan "baseline page, a customer" "$baseline"
echo; echo "== Plans for an agent (about $(( interactions / agents )) interactions)"
psql -qAt -d "$db" -v party="'agent-42'" <<SQL
explain (analyze, buffers, costs off) $timeline
explain (analyze, buffers, costs off) $baseline
SQL

latency() {
  local script; script=$(mktemp)
  printf '\\set n random(1, %d)\n%s\n' "$customers" "$(echo "$2" | sed "s/:party/'customer-' || :n/g")" > "$script"
  pgbench -n -f "$script" -T "${BENCH_SECONDS:-20}" -c 2 -j 2 "$db" 2>/dev/null \
    | awk -v name="$1" '/latency average/ {print name ": " $4 " ms average"}'
  rm -f "$script"
}
echo; echo "== Latency for random customers (pgbench, 2 clients, ${BENCH_SECONDS:-20} s each)"
latency "timeline page (service)" "$timeline"
latency "timeline count (service)" "$count"
latency "baseline page" "$baseline"
