#!/usr/bin/env bash
# Heroku discovery benchmark: packages the Heroku simulator, then runs
# inventory-service's HerokuDiscoveryBench (-Pbench), which starts the simulator with
# 1,000 generated apps, discovers the account, re-scans it and prints the numbers.
# The report is also written to inventory-service/target/bench/heroku-discovery.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl simulators/heroku-api package -DskipTests
./mvnw -B -pl inventory-service -Pbench test
echo
cat inventory-service/target/bench/heroku-discovery.txt
