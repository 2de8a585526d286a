#!/usr/bin/env bash
# BI export benchmark: see README.md beside this file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGPASSWORD="${PGPASSWORD:-}"
# One benchmark client sends far more than any caller may in production: this measures the services, not their
# rate limits (crm.rate-limit.enabled, README "Rate limits"), unless the caller sets CRM_RATELIMIT_ENABLED.
export CRM_RATELIMIT_ENABLED="${CRM_RATELIMIT_ENABLED:-false}"
db=crm_bench_export
interactions="${BENCH_INTERACTIONS:-10000000}"
baseline_rows="${BENCH_BASELINE_ROWS:-1000000}"
chunk="${BENCH_CHUNK:-100000}"
heap="${BENCH_HEAP:-384m}"
service_port="${BENCH_SERVICE_PORT:-18481}"
auth_port="${BENCH_AUTH_PORT:-19400}"
work="$(mktemp -d)"
service_pid="" auth_pid="" sampler_pid=""

cleanup() {
  for pid in $sampler_pid $service_pid $auth_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${BENCH_KEEP:-0}" = 1 ] || psql -qAt -d postgres -c "drop database if exists $db with (force)" >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

await() { # url
  for _ in $(seq 1 180); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$1 did not come up" >&2; exit 1
}

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "Building the service and the development authorization server"
  (cd "$root" && ./mvnw -q -B -DskipTests -pl interaction-service,dev-auth-server -am package)
fi
# Copies, so that a build running meanwhile cannot replace a jar under a running JVM.
cp "$root"/interaction-service/target/interaction-service-*-exec.jar "$work/service.jar"
cp "$root"/dev-auth-server/target/dev-auth-server-*-exec.jar "$work/auth.jar"
service_jar="$work/service.jar" auth_jar="$work/auth.jar"

psql -qAt -d postgres -c "drop database if exists $db with (force)" -c "create database $db"

echo "Starting the development authorization server and the interaction service (-Xmx$heap)"
issuer="http://localhost:$auth_port"
java -jar "$auth_jar" --server.port="$auth_port" \
  --spring.security.oauth2.authorizationserver.issuer="$issuer" >"$work/auth.log" 2>&1 &
auth_pid=$!
# The service applies its own Flyway migrations to the empty database; the data is loaded afterwards.
java -Xmx"$heap" -jar "$service_jar" --server.port="$service_port" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" \
  --spring.security.oauth2.resourceserver.jwt.issuer-uri="$issuer" \
  --crm.hub.dispatcher=false --crm.interaction.stalled.check-interval=PT24H --logging.level.root=WARN >"$work/service.log" 2>&1 &
service_pid=$!
await "http://localhost:$auth_port/actuator/health"
await "http://localhost:$service_port/actuator/health"

echo "Loading $interactions interactions, each with one or two channels and two related parties"
start=$(date +%s)
psql -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
set synchronous_commit = off;
insert into party_interaction (id, version, description, direction, reason, status, status_change_date,
                               interaction_start, created_at, updated_at, created_by, updated_by)
select gen_random_uuid(), 0, 'benchmark interaction ' || n || case when n % 10 = 0 then ', with "quotes"' else '' end,
       case when n % 3 = 0 then 'outbound' else 'inbound' end,
       (array['billing', 'outage', 'sales enquiry', 'complaint'])[1 + n % 4],
       (array['COMPLETED', 'COMPLETED', 'IN_PROGRESS', 'OPENED'])[1 + n % 4], t, t, t, t, 'bench', 'bench'
from (select n, timestamptz '2021-01-01' + (n::double precision / $interactions) * interval '5 years'
                  + (random() * interval '1 hour') as t
      from generate_series(1, $interactions) n) s;
insert into party_interaction_channel (interaction_id, position, role, channel_id, channel_name, channel_type)
select id, 0, 'contact', c, c, 'Channel'
from (select id, (array['phone', 'email', 'chat', 'web'])[1 + floor(random() * 4)::int] as c from party_interaction) s;
insert into party_interaction_channel (interaction_id, position, role, channel_id, channel_name, channel_type)
select id, 1, 'follow-up', 'email', 'email', 'Channel' from party_interaction tablesample bernoulli (30);
insert into party_interaction_related_party (interaction_id, position, role, party_id, party_type, interaction_start)
select id, 0, 'customer', 'customer-' || (1 + floor(random() * 100000)::int), 'Customer', interaction_start
from party_interaction;
insert into party_interaction_related_party (interaction_id, position, role, party_id, party_type, interaction_start)
select id, 1, 'agent', 'agent-' || (1 + floor(random() * 500)::int), 'Individual', interaction_start
from party_interaction;
vacuum analyze party_interaction;
vacuum analyze party_interaction_channel;
vacuum analyze party_interaction_related_party;
SQL
load_seconds=$(( $(date +%s) - start ))
echo "Loaded in $load_seconds s:"
psql -qAt -d "$db" -c "select '  party_interaction rows:   ' || count(*) from party_interaction" \
  -c "select '  channel rows:             ' || count(*) from party_interaction_channel" \
  -c "select '  related party rows:       ' || count(*) from party_interaction_related_party" \
  -c "select '  database size:            ' || pg_size_pretty(pg_database_size(current_database()))"

token() { # client
  curl -fs -u "$1:$1-secret" -d grant_type=client_credentials "$issuer/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
admin=$(token admin)

# Heap in use, sampled twice a second from the service's own metrics; the maximum is reported per phase.
sample_heap() {
  while true; do
    curl -fs -H "Authorization: Bearer $admin" \
      "http://localhost:$service_port/actuator/metrics/jvm.memory.used?tag=area:heap" \
      | grep -o '"value":[0-9.E+-]*' | cut -d: -f2 >>"$work/heap" || true
    sleep 0.5
  done
}
peak_heap_mb() { awk 'BEGIN {max = 0} $1 + 0 > max {max = $1 + 0} END {printf "%d", max / 1048576}' "$work/heap"; }

# Pulls the whole export in chunks, resuming from each response's X-Next-Cursor until X-Has-More is false.
export_all() { # format gzip(0|1)
  local format=$1 gzip=$2 cursor="" rows=0 bytes=0 t0 t1 headers
  local token; token=$(token analyst)
  : >"$work/heap"; sample_heap & sampler_pid=$!
  t0=$(date +%s.%N)
  while true; do
    headers="$work/headers"
    local args=(-fsS -D "$headers" -o "$work/body" -H "Authorization: Bearer $token")
    [ "$gzip" = 1 ] && args+=(-H "Accept-Encoding: gzip")
    curl "${args[@]}" "http://localhost:$service_port/interaction/v1/export/partyInteraction?format=$format&limit=$chunk${cursor:+&cursor=$cursor}"
    rows=$(( rows + $(grep -i '^x-result-count:' "$headers" | tr -dc '0-9') ))
    bytes=$(( bytes + $(stat -c %s "$work/body") ))
    cursor=$(grep -i '^x-next-cursor:' "$headers" | cut -d' ' -f2 | tr -d '\r')
    grep -qi '^x-has-more: true' "$headers" || break
  done
  t1=$(date +%s.%N)
  kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
  awk -v f="$format" -v g="$gzip" -v r="$rows" -v b="$bytes" -v t0="$t0" -v t1="$t1" -v h="$(peak_heap_mb)" \
    'BEGIN {printf "  %-6s gzip %-3s %10d rows %8.1f s %9.0f rows/s %8.0f MB sent   peak heap %4d MB\n",
            f, (g == 1 ? "on" : "off"), r, t1 - t0, r / (t1 - t0), b / 1048576, h}' | tee -a "$work/results"
  echo "$rows $t0 $t1" >"$work/last"
}

echo
echo "== Export of all $interactions interactions over HTTP (chunks of $chunk rows)"
export_all ndjson 0
export_all ndjson 1
export_all csv 0
export_all csv 1

echo
echo "== Baseline: the paged list API, $baseline_rows rows, 1000 per page by offset"
agent=$(token agent)
: >"$work/heap"; sample_heap & sampler_pid=$!
t0=$(date +%s.%N)
for (( offset = 0; offset < baseline_rows; offset += 1000 )); do
  curl -fsS -o /dev/null -H "Authorization: Bearer $agent" \
    "http://localhost:$service_port/tmf-api/partyInteraction/v5/partyInteraction?offset=$offset&limit=1000"
done
t1=$(date +%s.%N)
kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
baseline_rate=$(awk -v r="$baseline_rows" -v t0="$t0" -v t1="$t1" 'BEGIN {printf "%.0f", r / (t1 - t0)}')
awk -v r="$baseline_rows" -v t0="$t0" -v t1="$t1" -v h="$(peak_heap_mb)" \
  'BEGIN {printf "  list API          %10d rows %8.1f s %9.0f rows/s   peak heap %4d MB\n", r, t1 - t0, r / (t1 - t0), h}'

echo
echo "== Export rows/s over the list API's rows/s"
awk -v base="$baseline_rate" '{print "  " $1 " gzip " $3 ": " sprintf("%.1f", $8 / base) "x"}' "$work/results"
