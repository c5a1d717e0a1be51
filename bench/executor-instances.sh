#!/usr/bin/env bash
# Executor instances test: packages the Aptible simulator and executor-service, then runs
# executor-service's ExecutorInstancesBench: TWO packaged executors at once (same Kafka, same
# database, own HTTP ports, own static group member ids) run four 30-step migrations (each copying
# two real PostgreSQL databases) spread over ferry.migrations' partitions, while one instance at a
# time is killed with SIGKILL at random moments and restarted, at once or after its session timed out
# (its partitions then move to the other instance and back). Extra Maven arguments are passed on to
# both Maven calls (e.g. -o -Dinstances.kills=8 -Dinstances.migrations=4 -Dinstances.seed=42
# -Dinstances.rows=150000 -Dinstances.min-delay-ms=4000 -Dinstances.max-delay-ms=12000). The report
# is also written to executor-service/target/bench/executor-instances.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q "$@" -pl simulators/aptible-api,executor-service package -DskipTests
# *Bench classes are excluded from the normal build; naming the test overrides that exclusion.
./mvnw -B "$@" -pl executor-service test -Dtest=ExecutorInstancesBench -Dsurefire.failIfNoSpecifiedTests=false
echo
cat executor-service/target/bench/executor-instances.txt
