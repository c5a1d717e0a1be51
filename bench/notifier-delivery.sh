#!/usr/bin/env bash
# Notifier delivery benchmark: packages the Slack receiver, then runs notifier-service's
# NotifierDeliveryBench (no rate limit) and NotifierPacedBench (per-channel limits on) with -Pbench.
# 50 step events/s for 30 s by default; -Dbench.rate=N -Dbench.seconds=S change that (pass them
# as arguments: bench/notifier-delivery.sh -Dbench.seconds=60).
# Reports are also written to notifier-service/target/bench/notifier-delivery-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl simulators/slack-receiver package -DskipTests
./mvnw -B -pl notifier-service -Pbench test "$@"
echo
cat notifier-service/target/bench/notifier-delivery-*.txt
