#!/usr/bin/env bash
# Audit trail benchmark: read throughput with reads recorded vs not, in one run on one database. See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db=crm_bench_audit_throughput
customers="${BENCH_CUSTOMERS:-100000}"
auth_port="${BENCH_AUTH_PORT:-19000}"
audited_port="${BENCH_AUDITED_PORT:-18082}"
unaudited_port="${BENCH_UNAUDITED_PORT:-18083}"
logs="$(mktemp -d)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${BENCH_KEEP:-0}" = 1 ] || psql -qAt -d postgres -c "drop database if exists $db with (force)" >/dev/null
}
trap cleanup EXIT

wait_for() {
  for _ in $(seq 1 180); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$1 did not come up; logs in $logs" >&2; exit 1
}

inventory() {
  exec java -Xmx1g -jar "$root"/customer-inventory-service/target/customer-inventory-service-*-exec.jar --server.port="$1" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.datasource.username="$PGUSER" \
    --spring.datasource.password="${PGPASSWORD:-}" --spring.flyway.clean-disabled=true \
    --spring.security.oauth2.resourceserver.jwt.issuer-uri="http://localhost:$auth_port" \
    --crm.audit.reads="$2" --logging.level.root=warn
}

echo "Building the inventory and the development authorization server"
[ "${BENCH_BUILD:-1}" = 0 ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl customer-inventory-service,dev-auth-server -am package)

psql -qAt -d postgres -c "drop database if exists $db" -c "create database $db"

echo "Starting the development authorization server on $auth_port (logs in $logs)"
java -jar "$root"/dev-auth-server/target/dev-auth-server-*-exec.jar --server.port="$auth_port" \
  --spring.security.oauth2.authorizationserver.issuer="http://localhost:$auth_port" >"$logs/auth.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$auth_port/actuator/health"

echo "Starting the inventory recording reads on $audited_port; it migrates the empty database"
inventory "$audited_port" true >"$logs/audited.log" 2>&1 &
audited_pid=$!
pids+=($audited_pid)
wait_for "http://localhost:$audited_port/actuator/health"
echo "Starting the inventory not recording reads on $unaudited_port"
inventory "$unaudited_port" false >"$logs/unaudited.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$unaudited_port/actuator/health"

BENCH_MIGRATE=0 "$root"/bench/customer-search/load.sh "$db" "$customers"

java -Dthreads="${BENCH_THREADS:-8}" -DwarmUpSeconds="${BENCH_WARM_UP_SECONDS:-30}" -Drounds="${BENCH_ROUNDS:-5}" -DroundSeconds="${BENCH_ROUND_SECONDS:-15}" \
  "$here"/AuditThroughput.java "http://localhost:$auth_port/oauth2/token" "http://localhost:$audited_port" \
  "http://localhost:$unaudited_port" | tee "$logs/throughput.txt"

# A graceful stop must write every queued read before the process ends.
echo
admin=$(curl -fs -u admin:admin-secret -d grant_type=client_credentials "http://localhost:$auth_port/oauth2/token" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
backlog=$(curl -fs "http://localhost:$audited_port/actuator/prometheus" -H "Authorization: Bearer $admin" \
  | sed -n 's/^crm_audit_backlog[^ ]* //p')
echo "Stopping the audited instance (audit backlog on its Prometheus endpoint: $backlog)"
kill -TERM "$audited_pid"
wait "$audited_pid" || true
returned=$(sed -n 's/^AUDITED_RECORDS //p' "$logs/throughput.txt")
recorded=$(psql -qAt -d "$db" -c "select count(*) from audit_entry where chain = 'access'")
echo "== records the audited instance returned: $returned; read entries in its trail after the stop: $recorded"
[ "$returned" = "$recorded" ] || { echo "The trail does not hold every read; logs in $logs" >&2; exit 1; }
