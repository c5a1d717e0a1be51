#!/usr/bin/env bash
# Validates Ferry's deployment files without Docker or a Kubernetes cluster:
#   1. kustomize renders k8s/overlays/development and production (kubectl kustomize);
#   2. the rendered built-in objects against the Kubernetes schemas, strictly (no unknown fields),
#      and Ferry's own rules (deploy/validate/validate-k8s.mjs), with a self-test of planted faults;
#   3. the Strimzi custom resources against Strimzi's Java API model (deploy/validate/strimzi);
#   4. docker-compose.yml through `docker-compose config` (Compose schema, interpolation), that it
#      refuses to run without its secrets, and Ferry's rules for it and the Dockerfiles;
#   5. the Keycloak realm export (roles) and its copy in the development overlay.
# Installs what it needs when missing (as root, with apt-get and npm; Maven through ./mvnw), prints
# what it checked and exits non-zero when anything fails.
#
#   bin/validate-deploy.sh
#   env: FERRY_MAVEN_ARGS   extra ./mvnw arguments (e.g. -Dmaven.repo.local=/path)
#        FERRY_VALIDATE_SKIP_STRIMZI=1   skip step 3 (says so in the output)
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
VALIDATE=$ROOT/deploy/validate
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ferry-validate.XXXXXX")
trap 'rm -rf "$WORK" "$VALIDATE/.work"' EXIT
read -r -a MAVEN_ARGS <<<"${FERRY_MAVEN_ARGS:-}"

passed=0
failed=0
step() { printf '\n== %s\n' "$*"; }
pass() {
  passed=$((passed + 1))
  echo "  ok: $*"
}
failure() {
  failed=$((failed + 1))
  echo "  FAILED: $*"
}
die() {
  echo "validate-deploy: error: $*" >&2
  exit 2
}

apt_install() {
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null ||
    die "$1 is missing; install it (Debian/Ubuntu: apt-get install $*)"
  echo "  installing $* with apt-get ..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } \
    >"$WORK/apt.log" 2>&1; then
    tail -n 20 "$WORK/apt.log" >&2
    die "apt-get install $* failed"
  fi
}

# ---- tools ------------------------------------------------------------------------------------------
step "tools"
command -v kubectl >/dev/null || apt_install kubectl
command -v kubectl >/dev/null || die "kubectl not found"
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
COMPOSE=()
if docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose)
else
  command -v docker-compose >/dev/null || apt_install docker-compose
  COMPOSE=(docker-compose)
fi
# npm ci only when the lock file changed since the last install.
stamp=$VALIDATE/node_modules/.ferry-lock
if [[ ! -f $stamp ]] || ! cmp -s "$VALIDATE/package-lock.json" "$stamp"; then
  echo "  installing the validator's npm packages (deploy/validate/package-lock.json) ..."
  (cd "$VALIDATE" && npm ci --no-audit --no-fund --loglevel=error) >"$WORK/npm.log" 2>&1 ||
    {
      tail -n 20 "$WORK/npm.log" >&2
      die "npm ci failed in deploy/validate"
    }
  cp "$VALIDATE/package-lock.json" "$stamp"
fi
echo "  kubectl $(kubectl version --client 2>/dev/null | awk '/Client Version/ { print $3 }')," \
  "kustomize $(kubectl version --client 2>/dev/null | awk '/Kustomize Version/ { print $3 }')," \
  "$("${COMPOSE[@]}" version 2>/dev/null | head -1)," \
  "node $(node --version), kubernetes-models $(node -p "require('$VALIDATE/node_modules/kubernetes-models/package.json').version")," \
  "typescript $(node -p "require('$VALIDATE/node_modules/typescript/package.json').version")"

# ---- 1. kustomize ------------------------------------------------------------------------------------
step "1. kustomize renders the overlays"
rendered=()
for env in development production; do
  if kubectl kustomize "$ROOT/k8s/overlays/$env" >"$WORK/$env.yaml" 2>"$WORK/$env.err"; then
    pass "k8s/overlays/$env: $(grep -c '^kind:' "$WORK/$env.yaml") objects ($(grep '^kind:' "$WORK/$env.yaml" |
      sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $3; sep=", " }'))"
    rendered+=("$env=$WORK/$env.yaml")
  else
    failure "k8s/overlays/$env does not render: $(head -3 "$WORK/$env.err")"
  fi
done

# ---- 2. Kubernetes schemas, strict fields, Ferry's rules -------------------------------------------
step "2. Kubernetes schemas (kubernetes-models), unknown fields (tsc), Ferry's rules"
custom_dir=
if ((${#rendered[@]} > 0)); then
  if node "$VALIDATE/validate-k8s.mjs" "$ROOT" "${rendered[@]}" >"$WORK/k8s.out" 2>&1; then
    pass "rendered manifests are valid and follow Ferry's rules"
  else
    failure "rendered manifests (see the FAIL lines)"
  fi
  grep -v '^CUSTOM_RESOURCES_DIR=' "$WORK/k8s.out"
  custom_dir=$(sed -n 's/^CUSTOM_RESOURCES_DIR=//p' "$WORK/k8s.out")
fi

# ---- 3. Strimzi custom resources ---------------------------------------------------------------------
step "3. Strimzi resources (Kafka, KafkaNodePool, KafkaTopic, KafkaUser) against Strimzi's API model"
if [[ ${FERRY_VALIDATE_SKIP_STRIMZI:-0} == 1 ]]; then
  echo "  SKIPPED (FERRY_VALIDATE_SKIP_STRIMZI=1)"
elif [[ -z $custom_dir ]] || ! ls "$custom_dir"/*-custom.yaml >/dev/null 2>&1; then
  failure "no custom resources were extracted in step 2"
else
  if (cd "$ROOT" && ./mvnw -B -q "${MAVEN_ARGS[@]}" -f deploy/validate/strimzi/pom.xml \
    dependency:build-classpath -Dmdep.outputFile="$WORK/strimzi.cp") >"$WORK/mvn.log" 2>&1; then
    if java -cp "$(cat "$WORK/strimzi.cp")" "$VALIDATE/strimzi/StrimziCheck.java" --self-test \
      "$custom_dir"/*-custom.yaml 2>"$WORK/strimzi.err"; then
      pass "Strimzi resources bind to io.strimzi:api with no unknown fields"
    else
      grep -v '^SLF4J' "$WORK/strimzi.err"
      failure "Strimzi resources (see the FAIL lines)"
    fi
  else
    tail -n 20 "$WORK/mvn.log"
    failure "could not resolve Strimzi's API model with ./mvnw (deploy/validate/strimzi/pom.xml)"
  fi
fi

# ---- 4. docker-compose -------------------------------------------------------------------------------
step "4. docker-compose.yml (${COMPOSE[*]} config) and the Dockerfiles"
# Placeholders for the secrets .env.example leaves empty, so that interpolation can complete; no
# FERRY_BIND_ADDRESS, so that the file's own defaults are what gets checked.
sed -E -e 's/^([A-Z0-9_]+)=$/\1=placeholder-for-validation/' -e '/^FERRY_BIND_ADDRESS=/d' \
  "$ROOT/.env.example" >"$WORK/compose.env"
if (cd "$ROOT" && "${COMPOSE[@]}" --env-file "$WORK/compose.env" --profile sandbox config) \
  >"$WORK/compose.yaml" 2>"$WORK/compose.err"; then
  pass "docker-compose.yml is valid Compose with every profile ($(cd "$ROOT" &&
    "${COMPOSE[@]}" --env-file "$WORK/compose.env" --profile sandbox config --services 2>/dev/null | paste -sd' ' -))"
  if node "$VALIDATE/validate-compose.mjs" "$ROOT" "$WORK/compose.yaml" "$ROOT/docker-compose.yml"; then
    pass "compose and Dockerfiles follow Ferry's rules"
  else
    failure "compose rules (see the FAIL lines)"
  fi
else
  failure "docker-compose.yml: $(head -5 "$WORK/compose.err")"
fi
# Without the secrets (.env.example as it is) compose must refuse, naming what is missing.
if (cd "$ROOT" && "${COMPOSE[@]}" --env-file "$ROOT/.env.example" config -q) >/dev/null 2>"$WORK/nosecret.err"; then
  failure "docker-compose.yml accepted an empty FERRY_SECRETS_KEY/POSTGRES_PASSWORD"
elif grep -q 'set [A-Z_]* ' "$WORK/nosecret.err"; then
  pass "docker-compose.yml refuses to run without its secrets ($(grep -o 'set [A-Z_]*' "$WORK/nosecret.err" | head -1))"
else
  failure "docker-compose.yml failed without secrets, but not for a missing secret: $(head -2 "$WORK/nosecret.err")"
fi
if bash -n "$ROOT/deploy/keycloak/sandbox-users.sh"; then
  pass "deploy/keycloak/sandbox-users.sh parses"
else
  failure "deploy/keycloak/sandbox-users.sh has a syntax error"
fi
if bash -n "$ROOT/deploy/postgres/initdb.d/10-ferry-databases.sh"; then
  pass "deploy/postgres/initdb.d/10-ferry-databases.sh parses"
else
  failure "deploy/postgres/initdb.d/10-ferry-databases.sh has a syntax error"
fi

# ---- 5. Keycloak realm -------------------------------------------------------------------------------
step "5. Keycloak realm export"
if cmp -s "$ROOT/deploy/keycloak/ferry-realm.json" "$ROOT/k8s/overlays/development/keycloak/ferry-realm.json"; then
  pass "k8s/overlays/development/keycloak/ferry-realm.json is identical to deploy/keycloak/ferry-realm.json"
else
  failure "k8s/overlays/development/keycloak/ferry-realm.json differs from deploy/keycloak/ferry-realm.json (copy it)"
fi
if node -e '
  const realm = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const roles = Object.fromEntries((realm.roles?.realm ?? []).map((r) => [r.name, r]));
  const want = { viewer: [], operator: ["viewer"], approver: ["viewer"], admin: ["operator", "approver", "viewer"] };
  const bad = Object.entries(want).filter(([n, c]) => !roles[n] ||
    JSON.stringify((roles[n].composites?.realm ?? []).sort()) !== JSON.stringify([...c].sort()));
  const api = (realm.clients ?? []).find((c) => c.clientId === "ferry-api");
  const audience = (api?.protocolMappers ?? []).some((m) => m.protocolMapper === "oidc-audience-mapper" &&
    m.config?.["included.client.audience"] === "ferry-api" && m.config?.["access.token.claim"] === "true");
  const secrets = JSON.stringify(realm).match(/"(secret|password|value|credentials)"\s*:/g);
  if (realm.realm !== "ferry" || bad.length || !api || !audience || api.publicClient !== true || secrets ||
    (realm.users ?? []).length) {
    console.error(`realm ${realm.realm}; wrong roles: ${bad.map(([n]) => n)}; ferry-api client: ${!!api}; ` +
      `its audience mapper: ${audience}; public (no client secret): ${api?.publicClient}; ` +
      `credentials in the file: ${secrets ?? "none"}; users: ${(realm.users ?? []).length}`);
    process.exit(1);
  }
' "$ROOT/deploy/keycloak/ferry-realm.json"; then
  pass "realm ferry: roles viewer, operator(viewer), approver(viewer), admin(operator, approver, viewer); public client ferry-api with the ferry-api audience mapper; no users or credentials"
else
  failure "deploy/keycloak/ferry-realm.json"
fi

echo
echo "validate-deploy: $passed passed, $failed failed"
((failed == 0))
