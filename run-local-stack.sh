#!/usr/bin/env sh
# Builds both services and runs them with an embedded PostgreSQL and demo data. Ctrl-C stops everything.
set -eu
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests -pl local-stack -am package
exec java -jar local-stack/target/local-stack-exec.jar "$@"
