#!/usr/bin/env sh
# Commit-to-delivery delay of interaction events at a low rate and at 500 changes per second: see README.md.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests -pl local-stack -am install
exec ./mvnw -q -B -pl local-stack exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.crmbackoffice.localstack.bench.EventDeliveryBenchmark \
  -Dbench.services=local-stack/target/services \
  -Dbench.rate="${BENCH_RATE:-500}" -Dbench.seconds="${BENCH_SECONDS:-20}" -Dbench.workers="${BENCH_WORKERS:-2}"
