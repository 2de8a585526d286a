#!/usr/bin/env bash
# Monthly partitions for the interaction history, measured against today's single table: see README.md here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=crm_bench_partitioning
interactions="${BENCH_INTERACTIONS:-1000000}"
seconds="${BENCH_SECONDS:-20}"
clients="${BENCH_CLIENTS:-8}"

psql -qAt -d postgres -c "drop database if exists $db" -c "create database $db"
cleanup() { [ "${BENCH_KEEP:-0}" = 1 ] || psql -qAt -d postgres -c "drop database if exists $db with (force)"; }
trap cleanup EXIT

echo "Loading $interactions interactions x 10 history entries into the three layouts (a year, 2026)"
start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
set synchronous_commit = off;
-- The columns of party_interaction_history (interaction service, V3 and V8), without the reference to the
-- interaction, which both layouts would keep alike.
create table history_single (
    interaction_id uuid         not null,
    sequence       bigint       not null,
    changed_at     timestamptz  not null,
    changed_by     varchar(200) not null,
    client_id      varchar(200),
    channel        varchar(100),
    action         varchar(30)  not null,
    changes        text         not null,
    primary key (interaction_id, sequence)
);
-- The same rows by month of the change: the key has to hold the partition column.
create table history_monthly (like history_single, primary key (interaction_id, sequence, changed_at))
    partition by range (changed_at);
select format('create table %I partition of history_monthly for values from (%L) to (%L)',
              'history_' || to_char(m, 'YYYY_MM'), m, m + interval '1 month')
from generate_series(timestamptz '2026-01-01', timestamptz '2027-01-01', interval '1 month') m \gexec

-- Interaction n starts at 2026-01-01 + n/N of a year; its ten entries follow every 7 minutes.
insert into history_single
select md5(n::text)::uuid, s, timestamptz '2026-01-01' + (n::double precision / $interactions) * interval '365 days'
                              + (s - 1) * interval '7 minutes',
       'agent-' || (n % 500), 'crm-frontend', 'phone', case when s = 1 then 'created' else 'updated' end,
       '[{"op":"replace","path":"/status","value":"inProgress"}]'
from generate_series(1, $interactions) n, generate_series(1, 10) s;
insert into history_monthly select * from history_single;
-- The same rows by month of the interaction's start: one interaction's entries all in one partition, which the
-- service can name, since it reads an interaction before its history.
create table history_by_start (like history_single, interaction_start timestamptz not null,
                               primary key (interaction_id, sequence, interaction_start))
    partition by range (interaction_start);
select format('create table %I partition of history_by_start for values from (%L) to (%L)',
              'history_started_' || to_char(m, 'YYYY_MM'), m, m + interval '1 month')
from generate_series(timestamptz '2026-01-01', timestamptz '2027-01-01', interval '1 month') m \gexec
insert into history_by_start select h.*, h.changed_at - (h.sequence - 1) * interval '7 minutes' from history_single h;
-- The BI export's index (V8), in both.
create index history_single_time_idx on history_single (changed_at, interaction_id, sequence);
create index history_monthly_time_idx on history_monthly (changed_at, interaction_id, sequence);
create index history_by_start_time_idx on history_by_start (changed_at, interaction_id, sequence);
vacuum analyze history_single;
vacuum analyze history_monthly;
vacuum analyze history_by_start;
SQL
echo "Loaded in $(( $(date +%s) - start )) s: $(psql -qAt -d "$db" -c "select count(*) from history_single") rows each," \
  "$(psql -qAt -d "$db" -c "select count(*) from pg_inherits where inhparent = 'history_monthly'::regclass") partitions"

run() { # a pgbench script: its transactions per second
  local tps
  tps=$(pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -D interactions="$interactions" -f "$here/$1" "$db" 2>&1 \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  [ -n "$tps" ] || { echo "pgbench failed on $1" >&2; exit 1; }
  printf '%.0f' "$tps"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "Running each query for $seconds s with $clients clients (pgbench)"
single=$(run read-single.sql)
monthly=$(run read-monthly.sql)
bounded=$(run read-monthly-from-start.sql)
by_start=$(run read-by-start.sql)
# The same reads with a plan made for each execution's values, so that the partition the read names is pruned when
# the statement is planned.
export PGOPTIONS="-c plan_cache_mode=force_custom_plan"
custom_single=$(run read-single.sql)
custom_bounded=$(run read-monthly-from-start.sql)
custom_by_start=$(run read-by-start.sql)
unset PGOPTIONS
insert_single=$(run append-single.sql)
insert_monthly=$(run append-monthly.sql)
insert_by_start=$(run append-by-start.sql)

echo
echo "== One interaction's history (10 entries), transactions/s, and the ratio to the single table:"
echo "   single table                              $single"
echo "   13 monthly partitions, no time bound      $monthly  ($(ratio "$monthly" "$single"))"
echo "   the same, bounded by the interaction's start  $bounded  ($(ratio "$bounded" "$single"))"
echo "   13 partitions by the interaction's start month, naming it  $by_start  ($(ratio "$by_start" "$single"))"
echo "== The same reads planned for each execution's values (plan_cache_mode = force_custom_plan):"
echo "   single table                              $custom_single"
echo "   by month of the change, bounded by the start  $custom_bounded  ($(ratio "$custom_bounded" "$custom_single"))"
echo "   by the interaction's start month, naming it  $custom_by_start  ($(ratio "$custom_by_start" "$custom_single"))"
echo "== Appending a history entry:"
echo "   single table                              $insert_single"
echo "   partitioned by the month of the change    $insert_monthly  ($(ratio "$insert_monthly" "$insert_single"))"
echo "   partitioned by the interaction's start    $insert_by_start  ($(ratio "$insert_by_start" "$insert_single"))"

echo "== Plans for an interaction of 2026-11: by the month of the change, bounded by its start (pruned when run),"
echo "   and by its start month (pruned when planned):"
n=$(( interactions * 31 / 36 ))
psql -qAt -d "$db" -c "explain (costs off) select * from history_monthly where interaction_id = md5('$n')::uuid
  and changed_at >= timestamptz '2026-01-01' + ($n::double precision / $interactions) * interval '365 days'
  order by sequence" | sed 's/^/   /'
start=$(psql -qAt -d "$db" -c "select interaction_start from history_by_start where interaction_id = md5('$n')::uuid limit 1")
psql -qAt -d "$db" -c "explain (costs off) select * from history_by_start where interaction_id = md5('$n')::uuid
  and interaction_start = '$start' order by sequence" | sed 's/^/   /'

echo "== Removing January 2026 ($(psql -qAt -d "$db" -c "select count(*) from history_2026_01") rows):"
TIMEFORMAT=%R
detach=$( { time psql -qAt -d "$db" -c "alter table history_monthly detach partition history_2026_01" \
  -c "drop table history_2026_01" >/dev/null; } 2>&1 )
by_start_drop=$( { time psql -qAt -d "$db" -c "alter table history_by_start detach partition history_started_2026_01" \
  -c "drop table history_started_2026_01" >/dev/null; } 2>&1 )
delete=$( { time psql -qAt -d "$db" -c "delete from history_single where changed_at < '2026-02-01'" >/dev/null; } 2>&1 )
echo "   detach and drop the month's partition: $detach s, by start month: $by_start_drop s (each the whole psql call);"
echo "   delete the month's rows from the single table: $delete s"
