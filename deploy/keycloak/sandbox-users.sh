#!/usr/bin/env bash
# Adds the sandbox's people to the Ferry realm of the docker-compose Keycloak, with passwords from
# the environment (nothing is committed): alice (operator), bob (approver), carol (admin), through the
# realm's groups, so their tokens carry viewer+operator, viewer+approver and all four roles.
# Idempotent: an existing user keeps its id and gets the password and group again.
#
#   FERRY_SANDBOX_PASSWORD='at-least-12-chars' deploy/keycloak/sandbox-users.sh
#   env: FERRY_SANDBOX_PASSWORD   one password for all three (the realm wants 12+ characters, not the name)
#        FERRY_SANDBOX_ALICE_PASSWORD, ..._BOB_..., ..._CAROL_...   per person instead
#        KEYCLOAK_ADMIN, KEYCLOAK_ADMIN_PASSWORD   Keycloak's bootstrap administrator (as in .env)
#        COMPOSE                  the compose command (default: docker compose)
#        KEYCLOAK_HOME, KEYCLOAK_URL   where Keycloak is, as the script sees it where it runs
#                                 (default: the container's /opt/keycloak and http://localhost:8080)
# Then, e.g.: curl -s -d grant_type=password -d client_id=ferry-api -d username=alice \
#   --data-urlencode "password=$FERRY_SANDBOX_PASSWORD" http://localhost:8180/realms/ferry/protocol/openid-connect/token
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
read -r -a COMPOSE <<<"${COMPOSE:-docker compose}"
if [[ -f $ROOT/.env ]]; then
  # Only the administrator's credentials, if not given: never echo them.
  : "${KEYCLOAK_ADMIN:=$(sed -n 's/^KEYCLOAK_ADMIN=//p' "$ROOT/.env")}"
  : "${KEYCLOAK_ADMIN_PASSWORD:=$(sed -n 's/^KEYCLOAK_ADMIN_PASSWORD=//p' "$ROOT/.env")}"
fi
[[ -n ${KEYCLOAK_ADMIN_PASSWORD:-} ]] || { echo "sandbox-users: set KEYCLOAK_ADMIN_PASSWORD (or .env)" >&2; exit 2; }

declare -A PASSWORD=(
  [alice]=${FERRY_SANDBOX_ALICE_PASSWORD:-${FERRY_SANDBOX_PASSWORD:-}}
  [bob]=${FERRY_SANDBOX_BOB_PASSWORD:-${FERRY_SANDBOX_PASSWORD:-}}
  [carol]=${FERRY_SANDBOX_CAROL_PASSWORD:-${FERRY_SANDBOX_PASSWORD:-}}
)
for user in alice bob carol; do
  if ((${#PASSWORD[$user]} < 12)); then
    echo "sandbox-users: give $user a password of 12 or more characters (FERRY_SANDBOX_PASSWORD)" >&2
    exit 2
  fi
done

# The script runs inside the Keycloak container. Secrets travel on its standard input (as shell
# assignments ahead of it), never as command-line arguments, which `ps` would show on either side.
{
  printf 'KC_ADMIN_USER=%q\nKC_ADMIN_PASSWORD=%q\n' "${KEYCLOAK_ADMIN:-admin}" "$KEYCLOAK_ADMIN_PASSWORD"
  printf 'KC_HOME=%q\nKC_URL=%q\n' "${KEYCLOAK_HOME:-/opt/keycloak}" "${KEYCLOAK_URL:-http://localhost:8080}"
  printf 'ALICE_PASSWORD=%q\nBOB_PASSWORD=%q\nCAROL_PASSWORD=%q\n' "${PASSWORD[alice]}" "${PASSWORD[bob]}" "${PASSWORD[carol]}"
  cat <<'INNER'
set -euo pipefail
kcadm=$KC_HOME/bin/kcadm.sh
# Standard input is this script: only the password reset below reads from a pipe of its own.
kc() { "$kcadm" "$@" </dev/null; }
cfg=$(mktemp)
trap 'rm -f "$cfg"' EXIT
KC_CLI_PASSWORD=$KC_ADMIN_PASSWORD kc config credentials --config "$cfg" --server "$KC_URL" \
  --realm master --user "$KC_ADMIN_USER" >/dev/null
json_string() { local v=${1//\\/\\\\}; printf '"%s"' "${v//\"/\\\"}"; }
for entry in alice:ferry-operators:ALICE_PASSWORD bob:ferry-approvers:BOB_PASSWORD carol:ferry-admins:CAROL_PASSWORD; do
  IFS=: read -r user group var <<<"$entry"
  id=$(kc get users --config "$cfg" -r ferry -q "username=$user" -q exact=true --fields id --format csv --noquotes | head -n 1)
  if [[ -z $id ]]; then
    id=$(kc create users --config "$cfg" -r ferry -s "username=$user" -s enabled=true \
      -s "email=$user@sandbox.invalid" -s emailVerified=true -s "firstName=$user" -s lastName=Sandbox -i)
  fi
  printf '{"type":"password","temporary":false,"value":%s}' "$(json_string "${!var}")" |
    "$kcadm" update "users/$id/reset-password" --config "$cfg" -r ferry -f - -n
  gid=$(kc get groups --config "$cfg" -r ferry -q "search=$group" --fields id,name --format csv --noquotes |
    awk -F, -v g="$group" '$2 == g { print $1 }' | head -n 1)
  kc update "users/$id/groups/$gid" --config "$cfg" -r ferry -s realm=ferry -s "userId=$id" -s "groupId=$gid" -n
  echo "sandbox-users: $user in $group"
done
INNER
} | "${COMPOSE[@]}" --project-directory "$ROOT" exec -T keycloak bash -s
