#!/usr/bin/env bash
# Customer list search benchmark: see README.md beside this file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=crm_bench_customer_search
customers="${BENCH_CUSTOMERS:-1000000}"
seconds="${BENCH_SECONDS:-10}"

cleanup() { [ "${BENCH_KEEP:-0}" = 1 ] || psql -qAt -d postgres -c "drop database if exists $db with (force)"; }
trap cleanup EXIT
"$here/load.sh" "$db" "$customers"

# Real values to look for: one customer's email address and one British mobile number.
email=$(psql -qAt -d "$db" -c "select email_address from customer_contact_medium
                                where position = 0 order by customer_id offset 4242 limit 1")
mobile=$(psql -qAt -d "$db" -c "select phone_number from customer_contact_medium
                                 where phone_number like '+447%' order by customer_id offset 4242 limit 1")
email_fragment="${email%%@*}"
# The number as a person in Britain types it: 07xxx xxxxxx.
typed_mobile="0${mobile:3:4} ${mobile:7}"

# The statements are those CustomerQuery builds (logged by the service with
# logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG); the service binds the values, here they are
# literals. Page size 20, first page.
plain_page="select c.id from customer c
order by c.created_at desc, c.id
limit 20 offset 0"
plain_count="select count(*) from customer c"
status_range_where="
where c.status in (:p0) and c.created_at >= :p1 and c.created_at < :p2"
name_where="
where c.name_normalized = :p0"
email_where="
where c.id in (select m.customer_id from customer_contact_medium m where m.email_normalized = :p0)"
phone_where="
where c.id in (select m.customer_id from customer_contact_medium m where m.phone_normalized = :p0)"
search_with="with hit (id, score) as (
    select n.id, similarity(n.name_normalized, :term) from customer n where n.name_normalized like :pattern
    union all
    select m.customer_id, similarity(m.email_normalized, :term) from customer_contact_medium m
    where m.email_normalized like :pattern
), match as (select id, max(score) as relevance from hit group by id)
"
phone_search_with="with hit (id, score) as (
    select n.id, similarity(n.name_normalized, :term) from customer n where n.name_normalized like :pattern
    union all
    select m.customer_id, similarity(m.email_normalized, :term) from customer_contact_medium m
    where m.email_normalized like :pattern
    union all
    select m.customer_id, similarity(m.phone_normalized, :phoneTerm) from customer_contact_medium m
    where m.phone_normalized like :phoneDigits or m.phone_normalized = :phoneNumber
), match as (select id, max(score) as relevance from hit group by id)
"
search_page="select c.id from customer c join match on match.id = c.id
order by match.relevance desc, c.created_at desc, c.id
limit 20 offset 0"
search_count="select count(*) from match"
filtered_page() { printf '%s\n%s' "select c.id from customer c$1" "order by c.created_at desc, c.id
limit 20 offset 0"; }
filtered_count() { printf '%s' "select count(*) from customer c$1"; }

# Puts quoted literals in place of :name parameters: bind NAME VALUE ... < sql
bind() {
  local sql; sql=$(cat)
  while [ $# -gt 0 ]; do sql="${sql//:$1/\'${2//\'/\'\'}\'}"; shift 2; done
  printf '%s' "$sql"
}

declare -a names=() statements=()
add() { names+=("$1"); statements+=("$2"); }
add "list, first page (no filter)" "$plain_page"
add "list, count (no filter)" "$plain_count"
add "status=suspended + creationDate 2024-01..03, page" "$(filtered_page "$status_range_where" \
  | bind p0 suspended p1 2024-01-01T00:00:00Z p2 2024-04-01T00:00:00Z)"
add "status=suspended + creationDate 2024-01..03, count" "$(filtered_count "$status_range_where" \
  | bind p0 suspended p1 2024-01-01T00:00:00Z p2 2024-04-01T00:00:00Z)"
add "name=zoe nunez, page" "$(filtered_page "$name_where" | bind p0 'zoe nunez')"
add "contactMedium.emailAddress=$email, page" "$(filtered_page "$email_where" | bind p0 "${email,,}")"
add "contactMedium.phoneNumber=$typed_mobile, page" "$(filtered_page "$phone_where" | bind p0 "$mobile")"
add "q=Núñez, page" "$(printf '%s%s' "$search_with" "$search_page" | bind term nunez pattern %nunez%)"
add "q=Núñez, count" "$(printf '%s%s' "$search_with" "$search_count" | bind term nunez pattern %nunez%)"
add "q=Zoë Núñez, page" "$(printf '%s%s' "$search_with" "$search_page" | bind term 'zoe nunez' pattern '%zoe nunez%')"
add "q=Zoë Núñez, count" "$(printf '%s%s' "$search_with" "$search_count" \
  | bind term 'zoe nunez' pattern '%zoe nunez%')"
add "q=$email_fragment, page" "$(printf '%s%s' "$search_with" "$search_page" \
  | bind term "${email_fragment,,}" pattern "%${email_fragment,,}%")"
add "q=$typed_mobile, page" "$(printf '%s%s' "$phone_search_with" "$search_page" \
  | bind term "$typed_mobile" pattern "%$typed_mobile%" phoneTerm "$mobile" phoneNumber "$mobile" \
         phoneDigits "%${mobile:3}%")"
add "q=$typed_mobile, count" "$(printf '%s%s' "$phone_search_with" "$search_count" \
  | bind term "$typed_mobile" pattern "%$typed_mobile%" phoneTerm "$mobile" phoneNumber "$mobile" \
         phoneDigits "%${mobile:3}%")"

# The baseline: the same statements with the planner kept from every index.
no_indexes="-c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off"

for i in "${!names[@]}"; do
  echo; echo "== Plan: ${names[$i]}"
  psql -qAt -d "$db" -c "explain (analyze, buffers, costs off) ${statements[$i]}"
  echo "-- baseline, without indexes:"
  PGOPTIONS="$no_indexes" psql -qAt -d "$db" -c "explain (analyze, buffers, costs off) ${statements[$i]}" \
    | grep -E "Scan|Sort Method|Execution Time" | sed 's/^/   /'
done

latency() {
  local script; script=$(mktemp)
  printf '%s;\n' "$2" > "$script"
  PGOPTIONS="$1" pgbench -n -f "$script" -T "$seconds" -c 1 -j 1 "$db" 2>/dev/null \
    | awk '/latency average/ {print $4}'
  rm -f "$script"
}
echo; echo "== Latency (pgbench, 1 client, $seconds s per statement and mode), ms"
printf '%-62s %12s %12s %9s\n' "statement" "indexes" "baseline" "ratio"
for i in "${!names[@]}"; do
  with=$(latency "" "${statements[$i]}")
  without=$(latency "$no_indexes" "${statements[$i]}")
  printf '%-62s %12s %12s %9s\n' "${names[$i]}" "$with" "$without" \
    "$(awk -v a="$with" -v b="$without" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "-" }')"
done
