#!/usr/bin/env bash
# Checks Ferry's Keycloak realm and sandbox-users.sh against a real Keycloak, without Docker: fetches
# Keycloak's distribution from Maven Central (org.keycloak:keycloak-quarkus-dist), starts it in dev
# mode with deploy/keycloak/ferry-realm.json imported, adds the sandbox people with sandbox-users.sh
# (run here instead of inside the compose container), checks each person's token (issuer, audience
# ferry-api, realm roles), and with --demo runs bin/demo against it, so the four services accept only
# Keycloak's tokens. Stops Keycloak at the end.
#
#   deploy/keycloak/local-check.sh           # realm + users + tokens (about 2 minutes)
#   deploy/keycloak/local-check.sh --demo    # and the whole demo migration signed in through Keycloak
#   env: KEYCLOAK_VERSION (26.4.7), KEYCLOAK_PORT (8180), KEYCLOAK_CHECK_DIR (/tmp/ferry-keycloak-check),
#        FERRY_MAVEN_ARGS (extra ./mvnw arguments for the download)
# Passwords are generated for this run and never printed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
VERSION=${KEYCLOAK_VERSION:-26.4.7}
PORT=${KEYCLOAK_PORT:-8180}
DIR=${KEYCLOAK_CHECK_DIR:-/tmp/ferry-keycloak-check}
HOME_DIR=$DIR/keycloak-$VERSION
ISSUER=http://localhost:$PORT/realms/ferry
read -r -a MAVEN_ARGS <<<"${FERRY_MAVEN_ARGS:-}"
DEMO=0
[[ ${1:-} == --demo ]] && DEMO=1

say() { echo "keycloak-check: $*"; }
die() {
  echo "keycloak-check: error: $*" >&2
  exit 1
}
command -v curl >/dev/null || die "needs curl"

mkdir -p "$DIR"
if [[ ! -x $HOME_DIR/bin/kc.sh ]]; then
  say "fetching keycloak-quarkus-dist $VERSION"
  (cd "$ROOT" && ./mvnw -B -q "${MAVEN_ARGS[@]}" dependency:copy \
    "-Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:tar.gz" "-DoutputDirectory=$DIR") ||
    die "cannot fetch org.keycloak:keycloak-quarkus-dist:$VERSION"
  tar xzf "$DIR/keycloak-quarkus-dist-$VERSION.tar.gz" -C "$DIR"
fi
rm -rf "$HOME_DIR/data"
mkdir -p "$HOME_DIR/data/import"
cp "$ROOT/deploy/keycloak/ferry-realm.json" "$HOME_DIR/data/import/"

ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
SANDBOX_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
say "starting Keycloak $VERSION on port $PORT (dev mode, realm imported)"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  "$HOME_DIR/bin/kc.sh" start-dev --import-realm --http-port="$PORT" \
  >"$DIR/keycloak.log" 2>&1 </dev/null &
KC_PID=$!
trap 'kill "$KC_PID" 2>/dev/null; wait "$KC_PID" 2>/dev/null || true' EXIT
deadline=$((SECONDS + 240))
until curl -fsS -o /dev/null "$ISSUER/.well-known/openid-configuration" 2>/dev/null; do
  kill -0 "$KC_PID" 2>/dev/null || { tail -20 "$DIR/keycloak.log" >&2; die "Keycloak exited"; }
  ((SECONDS < deadline)) || die "Keycloak did not serve the ferry realm within 240 s (log: $DIR/keycloak.log)"
  sleep 2
done
say "realm ferry imported and served at $ISSUER"

# sandbox-users.sh runs its inner script with `compose exec keycloak bash -s`; here bash runs it.
shim=$DIR/run-here
printf '#!/usr/bin/env bash\nexec bash -s\n' >"$shim"
chmod +x "$shim"
for round in 1 2; do # the second run shows it is idempotent
  COMPOSE=$shim KEYCLOAK_HOME=$HOME_DIR KEYCLOAK_URL=http://localhost:$PORT KEYCLOAK_ADMIN=admin \
    KEYCLOAK_ADMIN_PASSWORD=$ADMIN_PASSWORD FERRY_SANDBOX_PASSWORD=$SANDBOX_PASSWORD \
    "$ROOT/deploy/keycloak/sandbox-users.sh" | sed "s/^/  run $round: /"
done

claims() { # user -> "aud=...;roles=..." of a fresh token
  curl -fsS -d grant_type=password -d client_id=ferry-api -d "username=$1" \
    --data-urlencode "password=$SANDBOX_PASSWORD" "$ISSUER/protocol/openid-connect/token" |
    python3 -c '
import base64, json, sys
token = json.load(sys.stdin)["access_token"].split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
aud = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
roles = [r for r in claims["realm_access"]["roles"] if r in ("viewer", "operator", "approver", "admin")]
print("iss=%s;user=%s;aud=%s;roles=%s" % (claims["iss"], claims["preferred_username"],
      ",".join(sorted(aud)), ",".join(sorted(roles))))'
}
failed=0
for expected in alice:operator,viewer bob:approver,viewer carol:admin,approver,operator,viewer; do
  user=${expected%%:*}
  want=${expected##*:}
  got=$(claims "$user") || die "no token for $user"
  if [[ $got == "iss=$ISSUER;user=$user;"*"ferry-api"*";roles=$want" ]]; then
    say "ok: $got"
  else
    say "FAIL: $user: $got (wanted audience ferry-api and roles $want)"
    failed=1
  fi
done
((failed == 0)) || die "tokens do not carry what Ferry needs"

if ((DEMO)); then
  say "running bin/demo against Keycloak (alice requests, bob approves)"
  FERRY_DEMO_OIDC_ISSUER=$ISSUER FERRY_DEMO_EXIT=1 FERRY_DEMO_FRESH=1 \
    FERRY_DEMO_REQUESTER=alice FERRY_DEMO_REQUESTER_PASSWORD=$SANDBOX_PASSWORD \
    FERRY_DEMO_APPROVER=bob FERRY_DEMO_APPROVER_PASSWORD=$SANDBOX_PASSWORD \
    "$ROOT/bin/demo" --no-wait
fi
say "done"
