#!/usr/bin/env bash
# Starts, stops or reports the local development infrastructure: Kafka, PostgreSQL and Redis
# (bin/kafka.sh, bin/postgres.sh, bin/redis.sh; each honours its own env vars).
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: bin/infra.sh up|down|status
  up      start Kafka, PostgreSQL and Redis (idempotent) and print the env vars services use
  down    stop all three
  status  one line per component; exits 0 only if all three are running
  env: KAFKA_PORT (19092), PG_PORT (55432), REDIS_PORT (56379), FERRY_STATE_DIR (<repo>/.ferry)
EOF
  exit 2
}

die() {
  echo "infra: error: $*" >&2
  exit 1
}

BIN=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
KAFKA_ADDR=127.0.0.1:${KAFKA_PORT:-19092}
PG_ADDR=127.0.0.1:${PG_PORT:-55432}
REDIS_ADDR=127.0.0.1:${REDIS_PORT:-56379}
COMPONENTS=(kafka postgres redis)

now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

address() {
  case $1 in
    kafka) echo "$KAFKA_ADDR" ;;
    postgres) echo "$PG_ADDR" ;;
    redis) echo "$REDIS_ADDR" ;;
  esac
}

# Runs bin/<component>.sh <action>, printing one line: component, address, outcome, seconds.
run() {
  local component=$1 action=$2 t0 out rc=0 outcome
  printf '%-9s %-16s ' "$component" "$(address "$component")"
  t0=$(now)
  out=$("$BIN/$component.sh" "$action" 2>&1) || rc=$?
  case $action:$rc in
    start:0)
      if [[ $out == *"already running"* ]]; then outcome="already running"; else outcome="started"; fi ;;
    stop:0)
      if [[ $out == *"not running"* ]]; then outcome="was not running"; else outcome="stopped"; fi ;;
    *) outcome="FAILED" ;;
  esac
  printf '%-16s %6ss\n' "$outcome" "$(elapsed "$t0")"
  if ((rc != 0)); then
    printf '%s\n' "$out" | sed "s/^/  $component: /" >&2
    return 1
  fi
}

cmd_up() {
  local component t0
  t0=$(now)
  for component in "${COMPONENTS[@]}"; do
    run "$component" start || die "$component did not start; 'bin/infra.sh down' stops the others"
  done
  echo "all up in $(elapsed "$t0")s; state in ${FERRY_STATE_DIR:-$(dirname "$BIN")/.ferry}"
  echo
  echo "# env for services (PostgreSQL superuser ferry/ferry; bin/postgres.sh createdb NAME):"
  echo "KAFKA_BOOTSTRAP=$KAFKA_ADDR"
  echo "PG_URL_BASE=postgresql://$PG_ADDR"
  echo "REDIS_URL=redis://$REDIS_ADDR"
}

cmd_down() {
  local component failed=0 i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    component=${COMPONENTS[i]}
    run "$component" stop || failed=1
  done
  ((failed == 0)) || die "some components did not stop"
}

cmd_status() {
  local component out down=0
  for component in "${COMPONENTS[@]}"; do
    out=$("$BIN/$component.sh" status 2>&1) || down=1
    printf '%-9s %-16s %s\n' "$component" "$(address "$component")" "${out#"$component: "}"
  done
  return $((down == 0 ? 0 : 3))
}

(($# == 1)) || usage
case $1 in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) usage ;;
esac
