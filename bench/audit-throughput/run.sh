#!/usr/bin/env bash
# Audit trail benchmark: read throughput with reads recorded vs not, in one run on one database. See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
db=crm_bench_audit_throughput
customers="${BENCH_CUSTOMERS:-100000}"
auth_port="${BENCH_AUTH_PORT:-19000}"
audited_port="${BENCH_AUDITED_PORT:-18082}"
unaudited_port="${BENCH_UNAUDITED_PORT:-18083}"
logs="$(mktemp -d)"
inventory_java_options="-Xmx1g ${BENCH_JAVA_OPTIONS:-}"
. "$root/bench/inventory-service.sh"

build_and_create_database
start_auth_server
echo "Starting the inventory recording reads on $audited_port; it migrates the empty database"
start_inventory "$audited_port" audited.log --crm.audit.reads=true --logging.level.root=warn
audited_pid=$inventory_pid
echo "Starting the inventory not recording reads on $unaudited_port"
start_inventory "$unaudited_port" unaudited.log --crm.audit.reads=false --logging.level.root=warn

BENCH_MIGRATE=0 "$root"/bench/customer-search/load.sh "$db" "$customers"

java -Dthreads="${BENCH_THREADS:-8}" -DwarmUpSeconds="${BENCH_WARM_UP_SECONDS:-30}" \
  -Drounds="${BENCH_ROUNDS:-5}" -DroundSeconds="${BENCH_ROUND_SECONDS:-15}" \
  "$here"/AuditThroughput.java "http://localhost:$auth_port/oauth2/token" "http://localhost:$audited_port" \
  "http://localhost:$unaudited_port" | tee "$logs/throughput.txt"

# A graceful stop must write every queued read before the process ends.
echo
admin=$(token admin)
backlog=$(curl -fs "http://localhost:$audited_port/actuator/prometheus" -H "Authorization: Bearer $admin" \
  | sed -n 's/^crm_audit_backlog[^ ]* //p')
echo "Stopping the audited instance (audit backlog on its Prometheus endpoint: $backlog)"
kill -TERM "$audited_pid"
wait "$audited_pid" || true
returned=$(sed -n 's/^AUDITED_RECORDS //p' "$logs/throughput.txt")
recorded=$(psql -qAt -d "$db" -c "select count(*) from audit_entry where chain = 'access'")
echo "== records the audited instance returned: $returned; read entries in its trail after the stop: $recorded"
[ "$returned" = "$recorded" ] || { echo "The trail does not hold every read; logs in $logs" >&2; exit 1; }
