#!/usr/bin/env bash
# PostgreSQL copy-throughput benchmark: Ferry's copy against pg_dump -Fc | pg_restore, against
# pg_dump -Fd -j2 + pg_restore -j2, and against the machine's floor (server-side COPY FROM a local
# file into empty tables plus the index build), on two data sets, in interleaved rounds.
#
#   bench/pg-copy.sh setup   # throwaway source and target clusters + both data sets (once, minutes)
#   bench/pg-copy.sh run     # ROUNDS (default 5) interleaved rounds per data set, then the summary
#   bench/pg-copy.sh stop    # stops both clusters (data stays under $PGCOPY_BENCH_DIR)
#   bench/pg-copy.sh clean   # stops and deletes everything
#   bench/pg-copy.sh         # setup + run
#
# Env: PGCOPY_BENCH_DIR (default /tmp/ferry-pgcopy-bench), ROUNDS, SETS ("pgbench multi"), JOBS (2),
# WARMUP (0; 1 adds an uncounted round 0), VERIFY_ROUNDS (3: the verification is timed in rounds 1-3),
# PGBIN (newest /usr/lib/postgresql/*/bin). Results: bench/results/pg-copy-<time>.{csv,txt}.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${PGCOPY_BENCH_DIR:-/tmp/ferry-pgcopy-bench}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
ROUNDS=${ROUNDS:-5}
SETS=${SETS:-"pgbench multi"}
JOBS=${JOBS:-2}
WARMUP=${WARMUP:-0}
VERIFY_ROUNDS=${VERIFY_ROUNDS:-3}
RESULTS="$ROOT/bench/results"
MVN=(./mvnw -B -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})
RUN=(); [ "$(id -u)" = 0 ] && RUN=(runuser -u postgres --)
export PGHOST=127.0.0.1 PGUSER=postgres
mkdir -p "$RESULTS"

# shellcheck source=lib/pg-clusters.sh
. "$ROOT/bench/lib/pg-clusters.sh"

setup() {
    start_cluster source; start_cluster target
    local sp; sp=$(src_port)
    if ! psql_src -d postgres -tAc "select 1 from pg_database where datname='pgbench'" | grep -q 1; then
        echo "building pgbench -s 100 ..."; "$PGBIN/createdb" -p "$sp" pgbench
        "$PGBIN/pgbench" -p "$sp" -i -s 100 -q pgbench
        psql_src -d pgbench -c "vacuum analyze"
    fi
    if ! psql_src -d postgres -tAc "select 1 from pg_database where datname='multi'" | grep -q 1; then
        echo "building the multi-table set ..."; "$PGBIN/dropdb" -p "$sp" --if-exists multi_build; "$PGBIN/createdb" -p "$sp" multi_build
        psql_src -d multi_build -f "$ROOT/bench/pgcopy/multi-table.sql"
        psql_src -d postgres -c "alter database multi_build rename to multi"
    fi
    for set in $SETS; do   # files for the floor: one text COPY file per table, pre/post-data SQL
        local dir="$BASE/floor/$set"
        [ -f "$dir/done" ] && continue
        mkdir -p "$dir"; chown postgres "$dir" 2>/dev/null || true
        "$PGBIN/pg_dump" -p "$sp" --section=pre-data "$set" | grep -v '^\\\(un\)\?restrict' > "$dir/pre.sql"
        "$PGBIN/pg_dump" -p "$sp" --section=post-data "$set" | grep -v '^\\\(un\)\?restrict' > "$dir/post.sql"
        : > "$dir/load.sql"
        for t in $(psql_src -d "$set" -tAc "select quote_ident(relname) from pg_class where relkind='r' and relnamespace='public'::regnamespace order by 1"); do
            psql_src -d "$set" -c "copy $t to '$dir/$t.copy'"
            echo "copy $t from '$dir/$t.copy';" >> "$dir/load.sql"
        done
        touch "$dir/done"
    done
    for set in $SETS; do
        echo "$set: $(psql_src -d "$set" -tAc "select pg_size_pretty(pg_database_size('$set'))")"
    done
}

stop() {
    for c in source target; do
        [ -f "$BASE/$c/data/PG_VERSION" ] && "${RUN[@]}" "$PGBIN/pg_ctl" -D "$BASE/$c/data" -m fast -w stop >/dev/null 2>&1 || true
    done
}

reset_target() {
    "$PGBIN/dropdb" -p "$(tgt_port)" --if-exists -f target
    "$PGBIN/createdb" -p "$(tgt_port)" target
    psql_tgt -d postgres -c checkpoint; sync; sleep 2
}

CHECK_SQL="select string_agg(format('%s=%s', c.relname, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I', c.relname), false, true, '')))[1]::text), ',' order by c.relname) || '|' || (select count(*) from pg_indexes where schemaname='public') || '|' || (select count(*) from pg_constraint where connamespace='public'::regnamespace) from pg_class c where c.relkind='r' and c.relnamespace='public'::regnamespace"
declare -A SOURCE_CHECK
check_target() { # set -> "ok" when every table has the source's row count and the index/constraint counts match
    local a b; a=${SOURCE_CHECK[$1]}; b=$(psql_tgt -d target -tAc "$CHECK_SQL")
    [ "$a" = "$b" ] && echo ok || echo "MISMATCH source=[$a] target=[$b]"
}

now() { date +%s.%N; }

method() { # set method -> runs one copy into a fresh target, prints seconds
    local set=$1 m=$2 sp tp t0 t1 dir="$BASE/floor/$1"
    sp=$(src_port); tp=$(tgt_port)
    case $m in
        ferry)
            t0=$(now)
            java -cp "$CP" dev.ferry.executor.data.bench.PgCopyBench copy \
                "postgresql://postgres@127.0.0.1:$sp/$set" "postgresql://postgres@127.0.0.1:$tp/target" "$JOBS" > "$BASE/last-ferry" 2>&1
            t1=$(now); cat "$BASE/last-ferry" >> "$LOG.ferry" ;;
        dump_fc)
            t0=$(now)
            "$PGBIN/pg_dump" -p "$sp" -Fc "$set" | "$PGBIN/pg_restore" -p "$tp" --no-owner --no-acl -d target
            t1=$(now) ;;
        dump_fd_j2)
            rm -rf "$BASE/dumpdir"; t0=$(now)
            "$PGBIN/pg_dump" -p "$sp" -Fd -j 2 -f "$BASE/dumpdir" "$set"
            "$PGBIN/pg_restore" -p "$tp" -j 2 --no-owner --no-acl -d target "$BASE/dumpdir"
            t1=$(now); rm -rf "$BASE/dumpdir" ;;
        floor)
            psql_tgt -d target -f "$dir/pre.sql" >/dev/null
            t0=$(now)
            psql_tgt -d target -f "$dir/load.sql" >/dev/null
            psql_tgt -d target -f "$dir/post.sql" >/dev/null
            t1=$(now) ;;
    esac
    python3 -c "print(f'{$t1 - $t0:.2f}')"
}

run() {
    setup
    local stamp; stamp=$(date -u +%Y%m%dT%H%M%SZ)
    CSV="$RESULTS/pg-copy-$stamp.csv"; LOG="$RESULTS/pg-copy-$stamp.log"
    echo "pg-copy benchmark $stamp: sets [$SETS], $ROUNDS rounds + $WARMUP warm-up, jobs $JOBS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$LOG"
    echo "set,method,round,seconds,check" > "$CSV"
    (cd "$ROOT" && "${MVN[@]}" -pl executor-service test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null)
    # a private copy of the classes, so a rebuild during the run cannot change what is measured
    rm -rf "$BASE/ferry-classes"; mkdir -p "$BASE/ferry-classes"
    cp -r "$ROOT/executor-service/target/classes" "$ROOT/executor-service/target/test-classes" "$BASE/ferry-classes/"
    CP="$BASE/ferry-classes/classes:$BASE/ferry-classes/test-classes:$(cat "$ROOT/executor-service/target/bench-classpath.txt")"
    local methods=(ferry dump_fc dump_fd_j2 floor)
    for set in $SETS; do SOURCE_CHECK[$set]=$(psql_src -d "$set" -tAc "$CHECK_SQL"); done
    for r in $(seq $((1 - WARMUP)) "$ROUNDS"); do   # round 0 is a warm-up, not counted; sets alternate within a round
        for set in $SETS; do
            local n=${#methods[@]} order=()
            for i in $(seq 0 $((n - 1))); do order+=("${methods[$(((i + r) % n))]}"); done
            for m in "${order[@]}"; do
                reset_target
                local s c; s=$(method "$set" "$m"); c=$(check_target "$set")
                echo "$set,$m,$r,$s,$c" | tee -a "$CSV"
                if [ "$m" = ferry ]; then   # the copy as a running executor sees it (no JVM start)
                    echo "$set,ferry_in_jvm,$r,$(sed -n 's/^wall in JVM: \([0-9.]*\) s$/\1/p' "$BASE/last-ferry"),$c" | tee -a "$CSV"
                    if [ "$r" -le "$VERIFY_ROUNDS" ]; then   # the verification's own cost, timed apart
                        local t0 t1; t0=$(now)
                        java -cp "$CP" dev.ferry.executor.data.bench.PgCopyBench verify \
                            "postgresql://postgres@127.0.0.1:$(src_port)/$set" "postgresql://postgres@127.0.0.1:$(tgt_port)/target" "$JOBS" >> "$LOG.ferry" 2>&1
                        t1=$(now)
                        echo "$set,ferry_verify,$r,$(python3 -c "print(f'{$t1 - $t0:.2f}')"),ok" | tee -a "$CSV"
                    fi
                fi
            done
        done
    done
    local sizes=""
    for set in $SETS; do sizes+="$set=$(psql_src -d postgres -tAc "select pg_database_size('$set')") "; done
    python3 "$ROOT/bench/pgcopy/summary.py" "$CSV" $sizes | tee "$RESULTS/pg-copy-$stamp.txt"
}

case ${1:-all} in
    setup) setup ;;
    run) run ;;
    stop) stop ;;
    clean) stop; rm -rf "$BASE" ;;
    all) run ;;
    *) echo "usage: $0 [setup|run|stop|clean]" >&2; exit 2 ;;
esac
