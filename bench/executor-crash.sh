#!/usr/bin/env bash
# Executor crash test: packages the Aptible simulator and executor-service, then runs
# executor-service's ExecutorCrashBench (-Pcrash): a 30-step migration that copies two real
# PostgreSQL databases, while the packaged executor (OIDC bearer auth on) is killed with SIGKILL at
# 20 random moments and restarted each time. Extra Maven arguments are passed on to both Maven calls
# (e.g. -Dmaven.repo.local=... -Dcrash.kills=5 -Dcrash.seed=42 -Dcrash.rows=400000
# -Dcrash.max-delay-ms=10000). The report is also written to
# executor-service/target/bench/executor-crash.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q "$@" -pl simulators/aptible-api,executor-service package -DskipTests
./mvnw -B "$@" -pl executor-service -Pcrash test
echo
cat executor-service/target/bench/executor-crash.txt
