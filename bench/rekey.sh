#!/usr/bin/env bash
# Re-key benchmark: seeds 100,000 real Ferry events (REKEY_EVENTS to change it) with secrets sealed
# under k1 on an in-process Kafka broker, then times ferry-rekey's dry run, staging and commit to k2
# (RekeyBench in tools/rekey, -Pbench). The report is also written to tools/rekey/target/bench/rekey.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(./mvnw -B -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})
"${MVN[@]}" -pl ferry-events,ferry-common,dev/oidc-issuer,ferry-testkit install -DskipTests
./mvnw -B ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL} -pl tools/rekey -Pbench test \
    -Drekey.bench.events="${REKEY_EVENTS:-100000}"
echo
cat tools/rekey/target/bench/rekey.txt
