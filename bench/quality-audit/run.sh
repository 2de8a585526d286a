#!/usr/bin/env bash
# Data-quality audit benchmark: one run over a million customers through the real service. See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
db=crm_bench_quality_audit
customers="${BENCH_CUSTOMERS:-1000000}"
auth_port="${BENCH_AUTH_PORT:-19000}"
port="${BENCH_PORT:-18082}"
logs="$(mktemp -d)"
. "$root/bench/inventory-service.sh"

# BENCH_LOAD=0: audit again the customers an earlier BENCH_KEEP=1 run loaded (the service migrates what is new).
load="${BENCH_LOAD:-1}"
if [ "$load" = 1 ]; then
  build_and_create_database
else
  [ "${BENCH_BUILD:-1}" = 0 ] ||
    (cd "$root" && ./mvnw -q -B -DskipTests -pl customer-inventory-service,dev-auth-server -am package)
fi
start_auth_server
echo "Starting the inventory on $port"
start_inventory "$port" inventory.log "$@"

if [ "$load" = 1 ]; then
  BENCH_MIGRATE=0 "$root"/bench/customer-search/load.sh "$db" "$customers"

  echo "Seeding defects and duplicates"
  . "$root/bench/customer-search/ids.sh"
  psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
-- Every 1000th customer's email address is another customer's (a duplicate fed twice), every 1500th has no given
-- name, every 2000th an email address without a domain, every 2500th a post code that is no British one, every
-- 5000th a twin: a second record with the same name and birth date from another system.
create temp table numbered as select id, row_number() over (order by created_at, id) as n from customer;
update customer_contact_medium m set email_address = o.email_address, email_normalized = o.email_normalized
from numbered x join numbered y on y.n = x.n + 1 join customer_contact_medium o on o.customer_id = y.id and o.position = 0
where m.customer_id = x.id and m.position = 0 and x.n % 1000 = 0;
update party p set given_name = null, document = p.document - 'givenName'
from numbered x join customer c on c.id = x.id where p.id = c.party_id and x.n % 1500 = 0;
update customer_contact_medium m set email_address = split_part(email_address, '@', 1) || '@localhost'
from numbered x where x.id = m.customer_id and m.position = 0 and x.n % 2000 = 0;
update customer_contact_medium m set post_code = '12345'
from numbered x where x.id = m.customer_id and m.position = 2 and x.n % 2500 = 0;
create temp table twin as
select c.id as original, $(new_id "now()") as id, $(new_id "now()") as party_id
from customer c join numbered x on x.id = c.id where x.n % 5000 = 0;
insert into party (id, version, party_type, status, name, given_name, family_name, birth_date, document,
                   data_source, created_at, updated_at, created_by, updated_by)
select t.party_id, 0, p.party_type, p.status, p.name, p.given_name, p.family_name, p.birth_date, p.document,
       'billing-migration', now(), now(), 'bench', 'bench'
from twin t join customer c on c.id = t.original join party p on p.id = c.party_id;
insert into customer (id, version, name, name_normalized, status, created_at, updated_at, created_by, updated_by,
                      engaged_party_type, engaged_party_referred_type, engaged_party_id, engaged_party_href,
                      engaged_party_name, party_id, data_source)
select t.id, 0, c.name, c.name_normalized, 'approved', now(), now(), 'bench', 'bench', 'PartyRef', 'Individual',
       t.party_id::text, '/tmf-api/partyManagement/v5/individual/' || t.party_id, c.engaged_party_name, t.party_id,
       'billing-migration'
from twin t join customer c on c.id = t.original;
vacuum analyze party;
vacuum analyze customer;
vacuum analyze customer_contact_medium;
SQL
fi

# The baseline: PostgreSQL reading every customer with its party, the joins the cheapest rules need, as one
# sequential scan (best of three, warm).
baseline=$(for _ in 1 2 3; do
  psql -qAt -d "$db" -c '\timing on' -c "select count(*), count(p.birth_date) from customer c
    left join party p on p.id = c.party_id where c.erased_at is null" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
done | sort -n | head -1)
echo "Baseline: a sequential scan of the customers with their parties takes $(awk -v ms="$baseline" \
  'BEGIN { printf "%.2f", ms / 1000 }') s"

token=$(token data-steward)
api="http://localhost:$port/inventory/v1/quality"

# One audit run through the API, and its figures.
audit() {
  local label="$1" location run status checked seconds workers target started finished planning checking
  echo
  echo "Starting the $label audit run"
  started=$(date +%s.%N)
  curl -fs -o /dev/null -X POST "$api/run" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{}' -D "$logs/start.headers"
  location=$(grep -i '^location:' "$logs/start.headers" | tr -d '\r' | cut -d' ' -f2)
  while :; do
    # A token lasts 30 minutes; a run over ten million customers takes longer.
    run=$(curl -fs "$location" -H "Authorization: Bearer $token") || { token=$(token data-steward);
      run=$(curl -fs "$location" -H "Authorization: Bearer $token"); }
    status=$(printf '%s' "$run" | sed 's/.*"status":"\([^"]*\)".*/\1/')
    printf '\r%s' "$(printf '%s' "$run" | sed 's/.*"checked":\([0-9]*\).*"findings":\([0-9]*\).*/checked \1, findings \2   /')"
    [ "$status" = running ] || break
    sleep 1
  done
  finished=$(date +%s.%N)
  echo
  echo "Run: $run"
  [ "$status" = completed ] || { echo "The run ended $status; logs in $logs" >&2; exit 1; }
  checked=$(printf '%s' "$run" | sed 's/.*"checked":\([0-9]*\).*/\1/')
  seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }')
  workers=$(psql -qAt -d "$db" -c "select count(distinct owner) from quality_chunk where run_id = '${location##*/}'")
  echo
  echo "== $label run: $checked customers audited in $seconds s (polled every second): $(awk -v n="$checked" -v s="$seconds" \
    'BEGIN { printf "%.0f", n / s }') records/s, by $workers instance(s)"
  echo "== Baseline: the audit takes $(awk -v s="$seconds" -v ms="$baseline" 'BEGIN { printf "%.0f", s * 1000 / ms }') times" \
    "as long as a sequential scan of the customers with their parties ($(awk -v ms="$baseline" \
    'BEGIN { printf "%.2f", ms / 1000 }') s)"
  # Planning ends when the first chunk is claimed: the chunks, and the birth-date blocks brought up to date.
  read -r planning checking < <(psql -qAt -d "$db" -F ' ' -c "select
    round(extract(epoch from min(k.claimed_at) - r.started_at)::numeric, 1),
    round(extract(epoch from r.finished_at - min(k.claimed_at))::numeric, 1)
    from quality_run r join quality_chunk k on k.run_id = r.id where r.id = '${location##*/}' group by r.id")
  echo "== Planning (chunks, birth-date blocks brought up to date) $planning s, then checking $checking s:" \
    "$(awk -v n="$checked" -v s="$checking" 'BEGIN { printf "%.0f", n / s }') customers/s while checking"
  # The target at a million customers, two minutes, scaled to the customers audited.
  target=$(awk -v n="$checked" 'BEGIN { printf "%.0f", n * 120 / 1000000 }')
  if awk -v s="$seconds" -v t="$target" 'BEGIN { exit !(s < t) }'; then
    echo "== Target met: under $target s (2 minutes per million customers)"
  else
    echo "== Target missed: over $target s (2 minutes per million customers)"
  fi
  echo "== Findings per rule (customers with findings / findings):"
  psql -qAt -d "$db" -F ' ' -c "select rule, sum(customers), sum(findings) from quality_run_tally
    where run_id = '${location##*/}' group by rule order by sum(findings) desc" | awk '{ printf "   %-32s %9s %9s\n", $1, $2, $3 }'
  echo "== Report (CSV, score lines of this run):"
  # The report's trend holds the score lines of earlier runs too.
  token=$(token data-steward)
  curl -fs "$api/report?format=csv&run=${location##*/}" -H "Authorization: Bearer $token" | grep "^score,${location##*/},"
}

# The first run over these customers fills the birth-date blocks and their trigram index and writes every finding;
# the second finds the blocks to bring up to date and the findings to write again, as each scheduled run after it.
audit first
audit second
