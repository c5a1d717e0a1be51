#!/usr/bin/env bash
# Logical-sync cut-over benchmark: a source cluster with wal_level=logical holding pgbench -i -s SCALE,
# a separate target cluster; each run syncs into a fresh target database under a steady write load
# (RATE operations per second, each an INSERT and an UPDATE), keeps the load LOAD_SECONDS after the
# initial sync, then stops the writer (T0), runs the catch-up, and resumes the writer on the target
# (T1). Prints writes-unavailable (T1 - T0), the initial sync's MB/s and rows written vs found.
#
#   bench/logical-sync-cutover.sh setup   # throwaway clusters + the pgbench data (once)
#   bench/logical-sync-cutover.sh run     # RUNS (default 3) cut-overs, then median and max
#   bench/logical-sync-cutover.sh stop    # stops both clusters
#   bench/logical-sync-cutover.sh clean   # stops and deletes everything
#
# Env: LSYNC_BENCH_DIR (default /tmp/ferry-lsync-bench), SCALE (20, about 300 MB), RUNS (3), RATE (200),
# LOAD_SECONDS (10), PGBIN (newest /usr/lib/postgresql/*/bin), MAVEN_REPO_LOCAL.
# Results: bench/results/logical-sync-<time>.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${LSYNC_BENCH_DIR:-/tmp/ferry-lsync-bench}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
SCALE=${SCALE:-20}
RUNS=${RUNS:-3}
RATE=${RATE:-200}
LOAD_SECONDS=${LOAD_SECONDS:-10}
RESULTS="$ROOT/bench/results"
MVN=(./mvnw -B -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})
RUN=(); [ "$(id -u)" = 0 ] && RUN=(runuser -u postgres --)
export PGHOST=127.0.0.1 PGUSER=postgres
mkdir -p "$RESULTS"

# shellcheck source=lib/pg-clusters.sh
. "$ROOT/bench/lib/pg-clusters.sh"

setup() {
    start_cluster source "-c wal_level=logical -c max_wal_senders=10 -c max_replication_slots=10"
    start_cluster target "-c max_logical_replication_workers=8"
    if ! psql_src -d postgres -tAc "select 1 from pg_database where datname='bench'" | grep -q 1; then
        echo "building pgbench -s $SCALE ..."; "$PGBIN/createdb" -p "$(src_port)" bench
        "$PGBIN/pgbench" -p "$(src_port)" -i -s "$SCALE" -q bench
        # logical replication needs a key on every table: pgbench_history has none
        psql_src -d bench -c "alter table pgbench_history add column id bigserial primary key" -c "vacuum analyze"
    fi
    echo "source: $(psql_src -d postgres -tAc "select pg_size_pretty(pg_database_size('bench'))")"
}

stop() {
    for c in source target; do
        [ -f "$BASE/$c/data/PG_VERSION" ] && "${RUN[@]}" "$PGBIN/pg_ctl" -D "$BASE/$c/data" -m fast stop >/dev/null 2>&1 || true
    done
}

run() {
    setup
    local stamp; stamp=$(date -u +%Y%m%dT%H%M%SZ)
    local out="$RESULTS/logical-sync-$stamp.txt"
    (cd "$ROOT" && "${MVN[@]}" -pl executor-service test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null)
    rm -rf "$BASE/ferry-classes"; mkdir -p "$BASE/ferry-classes"
    cp -r "$ROOT/executor-service/target/classes" "$ROOT/executor-service/target/test-classes" "$BASE/ferry-classes/"
    local cp="$BASE/ferry-classes/classes:$BASE/ferry-classes/test-classes:$(cat "$ROOT/executor-service/target/bench-classpath.txt")"
    echo "logical-sync cut-over $stamp: pgbench -s $SCALE, $RATE ops/s (an INSERT and an UPDATE each), $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out"
    for i in $(seq 1 "$RUNS"); do
        psql_tgt -d postgres -c "drop database if exists bench with (force)" -c "create database bench"
        java -cp "$cp" dev.ferry.executor.data.bench.LogicalSyncBench \
            "postgresql://postgres@127.0.0.1:$(src_port)/bench" "postgresql://postgres@127.0.0.1:$(tgt_port)/bench" \
            "$(date +%s)" "$RATE" "$LOAD_SECONDS" 2>>"$out.log" | tee -a "$out"
    done
    python3 - "$out" <<'EOF' | tee -a "$out"
import re, statistics, sys
rows = [dict(kv.split("=") for kv in line.split()[1:]) for line in open(sys.argv[1]) if line.startswith("RESULT ")]
def stat(key, fmt):
    v = [float(r[key]) for r in rows]
    return f"{key}: median {fmt.format(statistics.median(v))}, max {fmt.format(max(v))}, min {fmt.format(min(v))}"
print(f"{len(rows)} runs")
print(stat("unavailable_ms", "{:.0f} ms"))
print(stat("catchup_wait_ms", "{:.0f} ms"))
print(stat("sync_mbps", "{:.1f} MB/s"))
print(stat("sync_s", "{:.1f} s"))
lost = sum(int(r["rows_written"]) - int(r["rows_found"]) + int(r["updates_written"]) - int(r["updates_found"]) for r in rows)
print(f"rows and updates lost over all runs: {lost}")
EOF
}

case ${1:-all} in
    setup) setup ;;
    run) run ;;
    stop) stop ;;
    clean) stop; rm -rf "$BASE" ;;
    all) run ;;
    *) echo "usage: $0 [setup|run|stop|clean]" >&2; exit 2 ;;
esac
