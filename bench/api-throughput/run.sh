#!/usr/bin/env bash
# Hot-path throughput of both services against what their own PostgreSQL does alone, in one run. See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${BENCH_SECONDS:-15}"
warm_up="${BENCH_WARM_UP_SECONDS:-20}"
settle="${BENCH_SETTLE_SECONDS:-5}"
connections="${BENCH_CONNECTIONS:-8 32}"
export INVENTORY_PORT="${BENCH_INVENTORY_PORT:-18082}" INTERACTION_PORT="${BENCH_INTERACTION_PORT:-18081}"
export AUTH_SERVER_PORT="${BENCH_AUTH_PORT:-19000}"
# One benchmark client sends far more than any caller may in production: this measures the services, not their
# rate limits (crm.rate-limit.enabled, README "Rate limits"), unless the caller sets CRM_RATELIMIT_ENABLED.
export CRM_RATELIMIT_ENABLED="${CRM_RATELIMIT_ENABLED:-false}"
inventory="http://localhost:$INVENTORY_PORT"
interaction="http://localhost:$INTERACTION_PORT"
work="$(mktemp -d)"
for tool in wrk pgbench psql curl java; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (wrk and pgbench: Debian packages wrk, postgresql-client)" >&2; exit 1; }
done

stack_pid=
cleanup() {
  [ -z "$stack_pid" ] || { kill "$stack_pid" 2>/dev/null || true; wait "$stack_pid" 2>/dev/null || true; }
}
trap cleanup EXIT

if [ "${BENCH_BUILD:-1}" = 1 ]; then
  echo "Building the local stack"
  (cd "$root" && ./mvnw -q -B -DskipTests -pl local-stack -am package)
fi
echo "Starting the local stack (logs in $work/stack.log)"
java ${BENCH_JAVA_OPTIONS:-} -jar "$root"/local-stack/target/local-stack-exec.jar >"$work/stack.log" 2>&1 &
stack_pid=$!
for _ in $(seq 1 240); do
  grep -q 'CRM back office is running' "$work/stack.log" && break
  kill -0 "$stack_pid" 2>/dev/null || { cat "$work/stack.log" >&2; exit 1; }
  sleep 1
done
grep 'CRM back office is running' "$work/stack.log"
pg_port=$(sed -n 's/.*PostgreSQL (embedded) *jdbc:postgresql:\/\/localhost:\([0-9]*\)\/.*/\1/p' "$work/stack.log")
export PGHOST=localhost PGPORT="$pg_port" PGUSER=postgres

id_of() { # the id of the resource in the JSON answer on standard input, on a line of its own
  { cat; echo; } | sed -n 's/^{"id":"\([^"]*\)".*/\1/p'
}

token() {
  curl -fs -u "$1:$1-secret" -d grant_type=client_credentials "http://localhost:$AUTH_SERVER_PORT/oauth2/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
agent=$(token agent)
steward=$(token data-steward)

echo "Loading ${BENCH_CUSTOMERS:-200} customers and ${BENCH_INTERACTIONS:-400} interactions through the APIs"
: >"$work/customers" ; : >"$work/interactions"
for i in $(seq 1 "${BENCH_CUSTOMERS:-200}"); do
  curl -fs -X POST "$inventory/tmf-api/customerManagement/v5/customer" -H "Authorization: Bearer $steward" \
    -H 'Content-Type: application/json' -d "{\"name\": \"Bench Customer $i\", \"engagedParty\":
      {\"@type\": \"Individual\", \"givenName\": \"Bench\", \"familyName\": \"Customer $i\", \"birthDate\": \"1980-01-01\"},
      \"contactMedium\": [{\"@type\": \"EmailContactMedium\", \"emailAddress\": \"bench$i@example.org\"}]}" \
    | id_of >>"$work/customers"
done
mapfile -t customer_ids <"$work/customers"
body() { # customer id
  echo "{\"direction\": \"inbound\", \"reason\": \"billing enquiry\",
    \"relatedChannel\": [{\"role\": \"contact\", \"channel\": {\"id\": \"phone\"}}],
    \"relatedParty\": [{\"role\": \"customer\", \"partyOrPartyRole\": {\"@type\": \"PartyRoleRef\", \"id\": \"$1\",
    \"@referredType\": \"Customer\"}}]}"
}
for i in $(seq 1 "${BENCH_INTERACTIONS:-400}"); do
  curl -fs -X POST "$interaction/tmf-api/partyInteraction/v5/partyInteraction" -H "Authorization: Bearer $agent" \
    -H 'Content-Type: application/json' -d "$(body "${customer_ids[$((i % ${#customer_ids[@]}))]}")" \
    | id_of >>"$work/interactions"
done
body "${customer_ids[0]}" >"$work/interaction.json"

echo "Setting up pgbench on the stack's PostgreSQL (port $pg_port)"
psql -qAt -d postgres -c "drop database if exists bench" -c "create database bench" 2>/dev/null
pgbench -q -i -s "${BENCH_PGBENCH_SCALE:-10}" bench >/dev/null 2>&1
psql -qAt -d bench -c "create table single_row (id bigserial primary key, created_at timestamptz not null default now(),
  payload text not null)"
echo "insert into single_row (payload) values ('an interaction''s worth of text');" >"$work/insert.sql"

pgbench_tps() { # clients, pgbench options...
  local clients="$1"; shift
  pgbench -n -c "$clients" -j 2 -T "$seconds" "$@" bench 2>/dev/null | sed -n 's/^tps = \([0-9]*\).*/\1/p'
}

# run_wrk NAME CONNECTIONS URL [wrk options]: one line of the table.
run_wrk() {
  local name="$1" conns="$2" url="$3"; shift 3
  local out
  out=$(wrk -t 1 -c "$conns" -d "${seconds}s" --latency -s "$here/requests.lua" "$@" "$url")
  local rps p50 p99 failed
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9]*\).*/\1/p')
  p50=$(echo "$out" | sed -n 's/^ *50% *\([0-9.]*[a-z]*\)/\1/p')
  p99=$(echo "$out" | sed -n 's/^ *99% *\([0-9.]*[a-z]*\)/\1/p')
  failed=$(echo "$out" | sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\)/\1/p')
  errors=$(echo "$out" | sed -n 's/^ *Socket errors:.*/&/p')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$conns" "$rps" "$p50" "$p99" "${failed:-0}${errors:+ ($errors)}"
}

# path NAME BASE_URL PREFIX IDS_FILE [wrk options]: the path at every connection count; in the warm-up pass, only
# load. The requests are PREFIX followed by a random line of IDS_FILE; REQUEST_MODE=expand asks for the 360 view,
# REQUEST_MODE=post posts BODY_FILE.
path() {
  local name="$1" url="$2"
  export PATH_PREFIX="$3" IDS_FILE="$4"; shift 4
  if [ "$pass" = warm-up ]; then
    wrk -t 1 -c 8 -d "${warm_up}s" -s "$here/requests.lua" "$@" "$url" >/dev/null
    return
  fi
  wrk -t 1 -c 8 -d "${settle}s" -s "$here/requests.lua" "$@" "$url" >/dev/null
  for conns in $connections; do
    run_wrk "$name" "$conns" "$url" "$@" >>"$work/table"
  done
}

echo "Measuring PostgreSQL alone (pgbench, 8 clients, $seconds s each)"
select_tps=$(pgbench_tps 8 -S)
insert_tps=$(pgbench_tps 8 -f "$work/insert.sql")
echo "  select-only: $select_tps tps; single-row insert: $insert_tps tps"

: >"$work/table"
echo "none" >"$work/none"
every_path() {
  # A fresh token for each pass: the development server's last 30 minutes.
  local auth=(-H "Authorization: Bearer $(token agent)")
  path "GET /customer/{id}" "$inventory" "/tmf-api/customerManagement/v5/customer/" "$work/customers" "${auth[@]}"
  path "GET /customer?limit=20" "$inventory" "/tmf-api/customerManagement/v5/customer?limit=20" "$work/none" "${auth[@]}"
  path "GET /customer?q=" "$inventory" "/tmf-api/customerManagement/v5/customer?limit=20&q=Customer%201" "$work/none" \
    "${auth[@]}"
  REQUEST_MODE=expand path "GET /customer/{id} 360 view" "$inventory" "/tmf-api/customerManagement/v5/customer/" \
    "$work/customers" "${auth[@]}"
  path "GET /partyInteraction/{id}" "$interaction" "/tmf-api/partyInteraction/v5/partyInteraction/" \
    "$work/interactions" "${auth[@]}"
  path "GET party timeline" "$interaction" \
    "/tmf-api/partyInteraction/v5/partyInteraction?limit=20&relatedParty.partyOrPartyRole.id=" "$work/customers" \
    "${auth[@]}"
  REQUEST_MODE=post BODY_FILE="$work/interaction.json" path "POST /partyInteraction" "$interaction" \
    "/tmf-api/partyInteraction/v5/partyInteraction" "$work/none" "${auth[@]}" -H 'Content-Type: application/json'
  path "GET /actuator/health" "$inventory" "/actuator/health" "$work/none"
  path "GET /customer/{id} without token (401)" "$inventory" "/tmf-api/customerManagement/v5/customer/" \
    "$work/customers"
}

# The JIT compilers take minutes of load on two cores before the code is compiled; measured before that, the
# figures are of the compilers, not of the services. A first pass only loads every path.
echo "Warming up ($warm_up s on each path, 8 connections)"
pass=warm-up every_path
echo "Measuring the API paths (wrk, 1 thread; $settle s settling, then $seconds s at each of: $connections connections)"
pass=measure every_path
echo
printf '%-38s %5s %10s %9s %9s %8s %s\n' path conns 'req/s' p50 p99 ratio 'failed'
while IFS=$'\t' read -r name conns rps p50 p99 failed; do
  case "$name" in
    POST*) base=$insert_tps ;;
    *) base=$select_tps ;;
  esac
  ratio=$(awk -v a="$rps" -v b="$base" 'BEGIN { printf "%.3f", a / b }')
  printf '%-38s %5s %10s %9s %9s %8s %s\n' "$name" "$conns" "$rps" "$p50" "$p99" "$ratio" "$failed"
done <"$work/table"
echo
echo "ratio: requests/s over pgbench on the same PostgreSQL, 8 clients: select-only $select_tps tps for reads,"
echo "single-row insert $insert_tps tps for the POST. failed: non-2xx/3xx answers (the 401 row expects them)."
