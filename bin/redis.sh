#!/usr/bin/env bash
# Throwaway Redis for local development: Debian's redis-server run directly (not as a system
# service), bound to 127.0.0.1, without persistence.
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: bin/redis.sh start|stop|status|install
  install: only make sure redis-server is installed (the tests call it when it is missing)
  env: REDIS_PORT (default 56379)
       FERRY_STATE_DIR (default <repo>/.ferry; state in $FERRY_STATE_DIR/redis)
EOF
  exit 2
}

die() {
  echo "redis: error: $*" >&2
  exit 1
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
PORT=${REDIS_PORT:-56379}
if [[ ! $PORT =~ ^[1-9][0-9]*$ ]] || ((PORT >= 65536)); then
  die "REDIS_PORT must be a port number, got '$PORT'"
fi
STATE_BASE=${FERRY_STATE_DIR:-$ROOT/.ferry}
STATE=$STATE_BASE/redis
LOG=$STATE/redis.log
PID_FILE=$STATE/redis.pid
START_TIMEOUT=20
STOP_TIMEOUT=20

now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True if a Redis answers PING on 127.0.0.1:$1 (plain RESP over /dev/tcp, no redis-cli needed).
redis_ping() {
  local reply
  reply=$(
    exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'PING\r\n' >&3
    IFS= read -r -t 2 line <&3 || exit 1
    printf '%s' "$line"
  ) || return 1
  [[ $reply == "+PONG"* ]]
}

# True if PID is a live (non-zombie) process.
alive() {
  local pid=$1 state
  kill -0 "$pid" 2>/dev/null || return 1
  state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 0
  [[ $state != Z ]]
}

running_pid() {
  local pid
  [[ -f $PID_FILE ]] || return 1
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q redis-server || return 1
  fi
  echo "$pid"
}

# Debian's package starts its own service on 6379 when service starts are allowed (no
# policy-rc.d); stop it so that only our instance runs.
stop_packaged_service() {
  if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    systemctl stop redis-server.service >/dev/null 2>&1 || true
    systemctl disable redis-server.service >/dev/null 2>&1 || true
  elif [[ -x /etc/init.d/redis-server ]]; then
    /etc/init.d/redis-server stop >/dev/null 2>&1 || true
  fi
  local pid
  if [[ -f /run/redis/redis-server.pid ]]; then
    pid=$(</run/redis/redis-server.pid)
    if [[ $pid =~ ^[0-9]+$ ]] && alive "$pid"; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  fi
  local deadline=$((SECONDS + 10))
  while redis_ping 6379 && ((SECONDS < deadline)); do sleep 0.2; done
  if redis_ping 6379; then
    echo "redis: warning: a Redis still answers on 127.0.0.1:6379 (the packaged service?)" >&2
  fi
}

ensure_redis_server() {
  command -v redis-server >/dev/null && return 0
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
    die "redis-server not found; install it (Debian/Ubuntu: sudo apt-get install --no-install-recommends redis-server)"
  fi
  local apt_log=$STATE/apt-get.log
  mkdir -p "$STATE"
  echo "redis: installing redis-server with apt-get (log: $apt_log) ..." >&2
  if ! { apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; } \
    >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    die "installing redis-server with apt-get failed (log: $apt_log)"
  fi
  command -v redis-server >/dev/null || die "redis-server still not on PATH after installing it"
  stop_packaged_service
}

cmd_start() {
  local pid t0
  if pid=$(running_pid); then
    echo "redis: already running (pid $pid) on 127.0.0.1:$PORT"
    return 0
  fi
  if port_open "$PORT"; then
    die "port $PORT is in use by another process (set REDIS_PORT to use another port)"
  fi
  t0=$(now)
  ensure_redis_server
  mkdir -p "$STATE"
  rm -f "$PID_FILE"
  : >"$LOG"
  # No --pidfile: the PID recorded is the one of the process started here.
  nohup redis-server --port "$PORT" --bind 127.0.0.1 --protected-mode yes \
    --save '' --appendonly no --dir "$STATE" --daemonize no \
    --logfile "$LOG" --loglevel notice >>"$LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  local deadline=$((SECONDS + START_TIMEOUT))
  until redis_ping "$PORT"; do
    if ! alive "$pid"; then
      rm -f "$PID_FILE"
      echo "---- last lines of $LOG ----" >&2
      tail -n 30 "$LOG" >&2
      die "redis-server exited during startup (log: $LOG)"
    fi
    if ((SECONDS >= deadline)); then
      kill "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      tail -n 30 "$LOG" >&2
      die "redis-server did not answer PING on 127.0.0.1:$PORT within ${START_TIMEOUT}s (log: $LOG)"
    fi
    sleep 0.05
  done
  echo "redis: started (pid $pid, $(redis-server --version | awk '{ sub(/^v=/, "", $3); print $3 }')) on 127.0.0.1:$PORT in $(elapsed "$t0")s; log $LOG"
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    echo "redis: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while alive "$pid"; do
    if ((SECONDS >= deadline)); then
      echo "redis: pid $pid still alive after ${STOP_TIMEOUT}s, sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
  done
  rm -f "$PID_FILE"
  echo "redis: stopped (pid $pid)"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    echo "redis: running (pid $pid) on 127.0.0.1:$PORT; state $STATE"
    return 0
  fi
  echo "redis: not running"
  return 3
}

(($# == 1)) || usage
case $1 in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  install) ensure_redis_server && command -v redis-server ;;
  *) usage ;;
esac
