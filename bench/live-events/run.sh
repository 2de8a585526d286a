#!/usr/bin/env sh
# Commit-to-stream delay of interaction events at 100 and 500 changes per second, and the cost of idle live
# streams: see README.md.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests -pl local-stack -am install
exec ./mvnw -q -B -pl local-stack exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.crmbackoffice.localstack.bench.LiveStreamBenchmark \
  -Dbench.services=local-stack/target/services \
  -Dbench.rates="${BENCH_RATES:-100,500}" -Dbench.seconds="${BENCH_SECONDS:-20}" \
  -Dbench.streams="${BENCH_STREAMS:-10}" -Dbench.idle-streams="${BENCH_IDLE_STREAMS:-2000}"
