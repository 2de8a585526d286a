#!/usr/bin/env bash
# Start-up time and resident memory of each service, plain and with the JVM's class cache trained as the container
# images train it. See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${BENCH_RUNS:-3}"
java17="${BENCH_JAVA:-java}"
java25="${BENCH_JAVA_25:-}"
memory="${BENCH_MAX_RAM:-512m}"
pg_url="${BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432}"
pg_user="${BENCH_POSTGRES_USER:-postgres}"
work="$(mktemp -d)"
for tool in curl psql; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

if [ "${BENCH_BUILD:-1}" = 1 ]; then
  echo "Building both services"
  (cd "$root" && ./mvnw -q -B -DskipTests -pl customer-inventory-service,interaction-service -am package)
fi

# The options of the container images' ENTRYPOINT, and the properties their training run starts with: it has no
# database, so Flyway and Hibernate's look at the database are off, and the context stops once it is refreshed.
image_options=(-XX:+UseG1GC -XX:MaxRAMPercentage=75 "-XX:MaxRAM=$memory")
training_jvm=(-Dspring.context.exit=onRefresh)
training=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none
  --spring.flyway.enabled=false --spring.jpa.database=postgresql
  --spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false --spring.jpa.hibernate.ddl-auto=none)

for database in bench_start_up_customer-inventory-service bench_start_up_interaction-service; do
  psql -h 127.0.0.1 -U "$pg_user" -qAt -d postgres -c "drop database if exists \"$database\"" \
    -c "create database \"$database\"" 2>/dev/null
done

# start SERVICE PORT JAVA [JVM options...]: one start to readiness; prints milliseconds and resident MB.
start() {
  local service="$1" port="$2" java="$3"; shift 3
  local started pid ready rss
  started=$(date +%s%N)
  "$java" "$@" -jar "$work/$service/$service.jar" --server.port="$port" \
    --spring.datasource.url="$pg_url/bench_start_up_$service" --spring.datasource.username="$pg_user" \
    --spring.datasource.password= >"$work/$service.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/$service.log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(( ($(date +%s%N) - started) / 1000000 ))
  sleep 2
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%s\t%s\n' "$ready" "$rss"
}

# measure SERVICE PORT NAME JAVA [JVM options...]: the median of the runs, as one line of the table.
measure() {
  local service="$1" port="$2" name="$3"; shift 3
  for _ in $(seq 1 "$runs"); do start "$service" "$port" "$@"; done | sort -n >"$work/runs"
  local middle=$(( (runs + 1) / 2 ))
  printf '%-28s %-34s %8s ms %6s MB\n' "$service" "$name" "$(cut -f1 "$work/runs" | sed -n "${middle}p")" \
    "$(sort -n -k2 "$work/runs" | cut -f2 | sed -n "${middle}p")" >>"$work/table"
}

: >"$work/table"
port=28100
for service in customer-inventory-service interaction-service; do
  port=$((port + 1))
  echo "Extracting $service and training its caches"
  "${java25:-$java17}" -Djarmode=tools -jar "$root/$service/target/$service-"*-exec.jar extract \
    --destination "$work/$service" >/dev/null
  mv "$work/$service/$service-"*.jar "$work/$service/$service.jar"
  # The first start migrates the schema; it is not measured.
  start "$service" "$port" "$java17" >/dev/null
  measure "$service" "$port" "JDK 17" "$java17" "${image_options[@]}"
  "$java17" "${image_options[@]}" "${training_jvm[@]}" -XX:ArchiveClassesAtExit="$work/$service/app.jsa" \
    -jar "$work/$service/$service.jar" "${training[@]}" >"$work/training.log" 2>&1
  measure "$service" "$port" "JDK 17, class data sharing" "$java17" "${image_options[@]}" \
    -XX:SharedArchiveFile="$work/$service/app.jsa"
  if [ -n "$java25" ]; then
    measure "$service" "$port" "JDK 25" "$java25" "${image_options[@]}"
    "$java25" "${image_options[@]}" "${training_jvm[@]}" -XX:AOTCacheOutput="$work/$service/app.aot" \
      -jar "$work/$service/$service.jar" "${training[@]}" >"$work/training.log" 2>&1
    measure "$service" "$port" "JDK 25, AOT cache (the image)" "$java25" "${image_options[@]}" \
      -XX:AOTCache="$work/$service/app.aot"
  fi
done

echo
printf '%-28s %-34s %11s %9s\n' service JVM 'ready in' 'resident'
cat "$work/table"
echo
echo "Median of $runs starts each, to readiness (GET /actuator/health/readiness answers UP), with a heap sized as in"
echo "a container of $memory (-XX:MaxRAM); resident memory 2 s after readiness, before any request."
rm -rf "$work"
