# Throwaway PostgreSQL clusters for the benchmarks, sourced by bench/pg-copy.sh and
# bench/logical-sync-cutover.sh. The caller sets BASE (where clusters live), PGBIN (the binaries) and
# RUN (the command prefix that runs them as the postgres user, empty when not root).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_cluster() { # name [extra server options]
    local dir="$BASE/$1" port
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown -R postgres "$BASE"
        "${RUN[@]}" "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >/dev/null
        free_port > "$dir/port"
    fi
    port=$(cat "$dir/port")
    if ! "${RUN[@]}" "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        "${RUN[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w start \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 ${2:-}" >/dev/null
    fi
}
src_port() { cat "$BASE/source/port"; }
tgt_port() { cat "$BASE/target/port"; }
psql_src() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$(src_port)" "$@"; }
psql_tgt() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$(tgt_port)" "$@"; }
