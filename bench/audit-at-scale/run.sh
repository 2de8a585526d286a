#!/usr/bin/env bash
# The audit trail's read entries at two sizes in one run: the same statements against 1 million and 100 million
# entries, in the inventory's own schema (its migrations, one partition per month). See README.md here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
small="${BENCH_SMALL_ENTRIES:-1000000}"
large="${BENCH_LARGE_ENTRIES:-100000000}"
seconds="${BENCH_SECONDS:-30}"
clients="${BENCH_CLIENTS:-8}"
migrations="$root/customer-inventory-service/src/main/resources/db/migration"
databases=(crm_bench_audit_small crm_bench_audit_large)

cleanup() {
  [ "${BENCH_KEEP:-0}" = 1 ] && return
  for db in "${databases[@]}"; do psql -qAt -d postgres -c "drop database if exists $db with (force)"; done
}
trap cleanup EXIT

# The inventory's schema, as its migrations build it, with the twelve months before this one created as the
# service's partition maintenance would have created them over a year.
create_trail() {
  local db=$1
  psql -qAt -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
  for migration in $(ls "$migrations"/V*.sql | sort -V); do
    psql -q -1 -v ON_ERROR_STOP=1 -d "$db" -f "$migration" >/dev/null
  done
  psql -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
select format('create table if not exists %I partition of audit_entry_access for values from (%L) to (%L)',
              'audit_entry_access_' || to_char(m, 'YYYY_MM'), m at time zone 'UTC',
              (m + interval '1 month') at time zone 'UTC')
from generate_series(date_trunc('month', now() at time zone 'UTC') - interval '12 months',
                     date_trunc('month', now() at time zone 'UTC'), interval '1 month') m \gexec
SQL
}

# Entry n of N is read at the start of the oldest month plus n/N of the time to now, by one of N/100 customers
# (each customer read about 100 times over the year at either size). The keys and indexes the migrations made are
# set aside during the load and built again from their own definitions afterwards.
load_trail() {
  local db=$1 entries=$2
  local customers=$((entries / 100))
  local definitions
  definitions="$(mktemp)"
  psql -qAt -d "$db" >"$definitions" <<'SQL'
select format('alter table audit_entry add constraint %I %s;', conname, pg_get_constraintdef(oid))
from pg_constraint where conrelid = 'audit_entry'::regclass and contype = 'p';
select replace(indexdef, ' ON ONLY ', ' ON ') || ';' from pg_indexes
where tablename = 'audit_entry' and indexname <> 'audit_entry_pkey';
SQL
  psql -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
alter table audit_entry drop constraint audit_entry_pkey;
select format('drop index %I', indexname) from pg_indexes
where tablename = 'audit_entry' and indexname <> 'audit_entry_pkey' \gexec
SQL
  local half=$((entries / 2)) part
  for part in "1 $half" "$((half + 1)) $entries"; do
    set -- $part
    psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL &
set synchronous_commit = off;
insert into audit_entry (chain, sequence, occurred_at, principal, client_id, roles, operation, record_id,
                         previous_hash, hash)
select 'access', n,
       (date_trunc('month', now() at time zone 'UTC') - interval '12 months') at time zone 'UTC'
           + (now() - ((date_trunc('month', now() at time zone 'UTC') - interval '12 months') at time zone 'UTC'))
             * (n::float8 / $entries),
       'supervisor-' || (n % 50), 'crm-frontend', 'supervisor', 'customer.read',
       lpad(to_hex(1 + (n * 7919) % $customers), 32, '0')::uuid,
       md5((n - 1)::text) || md5((n - 1)::text), md5(n::text) || md5(n::text)
from generate_series($1::bigint, $2::bigint) n;
SQL
  done
  wait
  psql -q -v ON_ERROR_STOP=1 -d "$db" -c "set maintenance_work_mem = '1GB'" -f "$definitions" \
    -c "update audit_chain set last_sequence = $entries, last_hash = md5('$entries') || md5('$entries') where chain = 'access'" \
    -c "vacuum analyze audit_entry"
  rm -f "$definitions"
}

if [ "${BENCH_LOAD:-1}" = 1 ]; then
  for db in "${databases[@]}"; do create_trail "$db"; done
  echo "Loading $small read entries into ${databases[0]} and $large into ${databases[1]}, over 13 months"
  start=$(date +%s)
  load_trail "${databases[0]}" "$small"
  load_trail "${databases[1]}" "$large"
  echo "Loaded in $(( $(date +%s) - start )) s"
fi
for db in "${databases[@]}"; do
  psql -qAt -d "$db" -c "select '$db: ' || count(*) || ' partitions, ' || pg_size_pretty(sum(pg_total_relation_size(inhrelid)))
                        from pg_inherits where inhparent = 'audit_entry_access'::regclass"
done

echo
echo "== Each statement for ${seconds} s, $clients clients, prepared, first on ${databases[0]}, then on ${databases[1]}"
declare -A tps
# Recording reads goes last: it adds the same number of entries to both trails.
for script in customer-trail.sql customer-last-month.sql read-entry.sql; do
  for i in 0 1; do
    entries=$([ $i = 0 ] && echo "$small" || echo "$large")
    line=$(pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -D customers=$((entries / 100)) \
      -f "$here/$script" "${databases[$i]}" 2>/dev/null)
    tps[$script.$i]=$(awk '/^tps/ {print $3}' <<<"$line")
    latency=$(awk '/latency average/ {print $4}' <<<"$line")
    printf "%-26s %-24s %9.0f tps %8.3f ms\n" "$script" "${databases[$i]}" "${tps[$script.$i]}" "$latency"
  done
  awk -v a="${tps[$script.0]}" -v b="${tps[$script.1]}" -v s="$script" -v large="$large" -v small="$small" \
    'BEGIN {printf "%-26s time per statement at %s entries / at %s: %.2f\n", s, large, small, a / b}'
done

echo
echo "== Plans: a customer's reads of the last month prune to the months they can be in"
psql -qAt -d "${databases[1]}" -c "prepare last_month(uuid) as select id from audit_entry
  where record_id = \$1 and occurred_at >= now() - interval '30 days' order by occurred_at, id limit 100" \
  -c "explain (analyze, costs off, timing off, summary off) execute last_month(lpad(to_hex(42), 32, '0')::uuid)"

echo
echo "== Retention, as ReadRetention purges: find the last entry to purge, write the checkpoint and detach the oldest"
echo "   month, drop it once that committed, then delete the expired day after it row by row"
milliseconds() { awk '/^Time:/ {sum += $2} END {printf "%.1f", sum}'; }
last_to_purge=$(sed -n '/LAST_TO_PURGE = """/,/""";/p' \
  "$root/customer-inventory-service/src/main/java/org/crmbackoffice/inventory/audit/ReadRetention.java" \
  | sed '1d; s/""";//')
for db in "${databases[@]}"; do
  oldest=$(psql -qAt -d "$db" -c "select min(inhrelid::regclass::text) from pg_inherits
                                   where inhparent = 'audit_entry_access'::regclass")
  month_rows=$(psql -qAt -d "$db" -c "select count(*) from $oldest")
  cutoff=$(psql -qAt -d "$db" -c "select max(occurred_at) + interval '1 day' from $oldest")
  query=$(sed "s/?/'$cutoff'/g" <<<"$last_to_purge")
  found=$(psql -qAt -v ON_ERROR_STOP=1 -d "$db" -c '\timing on' -c "$query" | milliseconds)
  # begin, checkpoint, detach, commit; then the drop of the detached month, which locks nothing else
  read -r -a steps <<<"$(psql -qAt -v ON_ERROR_STOP=1 -d "$db" <<SQL | awk '/^Time:/ {printf "%s ", $2}'
\\timing on
begin;
insert into audit_checkpoint (chain, sequence, hash, entries_purged, purged_before, created_at)
select 'access', sequence, hash, sequence, now(), now() from $oldest
where chain = 'access' order by sequence desc limit 1;
alter table audit_entry_access detach partition $oldest;
commit;
drop table $oldest;
SQL
)"
  dropped="checkpoint ${steps[1]} ms, detach ${steps[2]} ms, commit ${steps[3]} ms; then its drop ${steps[4]} ms"
  day_rows=$(psql -qAt -d "$db" -c "select count(*) from audit_entry where chain = 'access' and occurred_at < '$cutoff'")
  last=$(psql -qAt -d "$db" -c "$query")
  deleted=$(psql -qAt -v ON_ERROR_STOP=1 -d "$db" <<SQL | milliseconds
select set_config('crm.audit_purge', 'on', false);
\\timing on
delete from audit_entry where chain = 'access' and sequence <= $last;
SQL
)
  printf "%-24s find the last entry to purge: %s ms; drop %s (%s reads): %s\n" "$db" "$found" \
    "$oldest" "$month_rows" "$dropped"
  printf "%-24s delete the next day (%s reads): %s ms\n" "" "$day_rows" "$deleted"
done
