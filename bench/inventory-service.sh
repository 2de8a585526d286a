# Sourced by the benchmarks that drive the real inventory over HTTP: starts the development authorization server
# and inventory instances on a database of the benchmark's own, and stops them and drops the database at exit.
# The sourcing script sets db, auth_port and logs first; BENCH_BUILD=0 skips the build, BENCH_KEEP=1 keeps the
# database.
bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
pids=()
# One benchmark client sends far more than any caller may in production: this measures the services, not their
# rate limits (crm.rate-limit.enabled, README "Rate limits"), unless the caller sets CRM_RATELIMIT_ENABLED.
export CRM_RATELIMIT_ENABLED="${CRM_RATELIMIT_ENABLED:-false}"

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${BENCH_KEEP:-0}" = 1 ] || psql -qAt -d postgres -c "drop database if exists $db with (force)" >/dev/null
}
trap cleanup EXIT

wait_for() { # url
  for _ in $(seq 1 180); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$1 did not come up; logs in $logs" >&2; exit 1
}

build_and_create_database() {
  echo "Building the inventory and the development authorization server"
  [ "${BENCH_BUILD:-1}" = 0 ] ||
    (cd "$bench_root" && ./mvnw -q -B -DskipTests -pl customer-inventory-service,dev-auth-server -am package)
  psql -qAt -d postgres -c "drop database if exists $db" -c "create database $db"
}

start_auth_server() {
  echo "Starting the development authorization server on $auth_port (logs in $logs)"
  java -jar "$bench_root"/dev-auth-server/target/dev-auth-server-*-exec.jar --server.port="$auth_port" \
    --spring.security.oauth2.authorizationserver.issuer="http://localhost:$auth_port" >"$logs/auth.log" 2>&1 &
  pids+=($!)
  wait_for "http://localhost:$auth_port/actuator/health"
}

# start_inventory PORT LOG_NAME [SETTING...]: an instance on the benchmark's database, up when this returns; its
# pid in inventory_pid. The first instance migrates the empty database itself (Flyway). JVM options, if any, in
# inventory_java_options.
start_inventory() {
  local port="$1" log="$2"
  shift 2
  local jar=("$bench_root"/customer-inventory-service/target/customer-inventory-service-*-exec.jar)
  # shellcheck disable=SC2086 # the options are words of their own
  java ${inventory_java_options:-} -jar "${jar[0]}" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --spring.datasource.username="$PGUSER" \
    --spring.datasource.password="${PGPASSWORD:-}" --spring.flyway.clean-disabled=true \
    --spring.security.oauth2.resourceserver.jwt.issuer-uri="http://localhost:$auth_port" "$@" >"$logs/$log" 2>&1 &
  inventory_pid=$!
  pids+=($inventory_pid)
  wait_for "http://localhost:$port/actuator/health"
}

# token CLIENT: an access token for a demo client of the authorization server (secret "<client>-secret").
token() {
  curl -fs -u "$1:$1-secret" -d grant_type=client_credentials "http://localhost:$auth_port/oauth2/token" |
    sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
