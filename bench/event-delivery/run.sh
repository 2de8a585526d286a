#!/usr/bin/env sh
# Commit-to-delivery delay of interaction events to ten listeners (two slow, one down) at a low rate and at 500
# changes per second, through the API and straight into the outbox: see README.md.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests -pl local-stack -am install
exec ./mvnw -q -B -pl local-stack exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.crmbackoffice.localstack.bench.EventDeliveryBenchmark \
  -Dbench.services=local-stack/target/services \
  -Dbench.rate="${BENCH_RATE:-500}" -Dbench.seconds="${BENCH_SECONDS:-20}" \
  -Dbench.listeners="${BENCH_LISTENERS:-10}" -Dbench.slow="${BENCH_SLOW:-2}" -Dbench.down="${BENCH_DOWN:-1}" \
  -Dbench.concurrency="${BENCH_CONCURRENCY:-32}" -Dbench.workers="${BENCH_WORKERS:-4}" \
  -Dbench.dispatch="${BENCH_DISPATCH:-inline}"
