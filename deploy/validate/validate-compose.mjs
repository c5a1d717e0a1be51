// Ferry's rules for docker-compose.yml and the Dockerfiles, on top of `docker-compose config` (which
// checks the file against the Compose schema and resolves it):
//   - every image pinned to a version (no missing or `latest` tag), Dockerfile bases too;
//   - every published port bound to 127.0.0.1 by default;
//   - the four services: a readiness health check and healthy Kafka/PostgreSQL before they start,
//     bearer tokens required (FERRY_AUTH_ENABLED=true) from the Keycloak realm once it is healthy;
//   - the simulators only under the `sandbox` profile;
//   - no secret written into the file: secret-looking variables come from ${...} interpolation;
//   - Dockerfiles: Quarkus fast-jar layout, a non-root USER, a HEALTHCHECK.
// A self-test plants one fault at a time and expects each to be reported.
//
// usage: node validate-compose.mjs <repo-root> <resolved.yaml> <docker-compose.yml>
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";

const [repoRoot, resolvedFile, rawFile] = process.argv.slice(2);
if (!repoRoot || !resolvedFile || !rawFile) {
  console.error("usage: node validate-compose.mjs <repo-root> <resolved.yaml> <docker-compose.yml>");
  process.exit(2);
}

const FERRY = ["inventory-service", "planner-service", "executor-service", "notifier-service"];
const SIMULATORS = ["heroku-api", "aptible-api", "slack-receiver"];
const SECRET_NAME = /(PASSWORD|TOKEN|SECRET|_KEY$|WEBHOOK)/;

function rules(resolved, raw, dockerfiles) {
  const problems = [];
  let checks = 0;
  const ok = (cond, what, message) => {
    checks++;
    if (!cond) problems.push(`${what}: ${message}`);
  };
  const services = resolved.services ?? {};
  for (const [name, s] of Object.entries(services)) {
    const image = s.image ?? "";
    const tag = image.includes(":") ? image.slice(image.lastIndexOf(":") + 1) : "";
    ok(tag && tag !== "latest" && /\d/.test(tag), name, `image '${image}' is not pinned to a version`);
    for (const p of s.ports ?? []) {
      const text = typeof p === "string" ? p : `${p.host_ip ?? ""}:${p.published}:${p.target}`;
      ok(text.startsWith("127.0.0.1:"), name, `port ${text} is published beyond 127.0.0.1`);
    }
    ok(s.healthcheck?.test, name, "no health check");
  }
  for (const name of FERRY) {
    const s = services[name];
    ok(s, name, "missing");
    if (!s) continue;
    ok(JSON.stringify(s.healthcheck?.test ?? "").includes("/q/health/ready"), name, "health check must ask /q/health/ready");
    for (const dep of ["kafka", "postgres"]) {
      ok(s.depends_on?.[dep]?.condition === "service_healthy", name, `must wait for ${dep} to be healthy`);
    }
    ok(!(s.profiles?.length), name, "must run without a profile");
    ok(String(s.environment?.FERRY_AUTH_ENABLED) === "true", name, "FERRY_AUTH_ENABLED must be true (bearer tokens on every API)");
    ok(String(s.environment?.FERRY_LOG_JSON) === "true", name, "FERRY_LOG_JSON must be true (JSON log lines with the migration and step ids)");
    ok(/^https?:\/\/keycloak:\d+\/realms\/ferry$/.test(s.environment?.FERRY_OIDC_ISSUER ?? ""), name,
      `FERRY_OIDC_ISSUER must be the Keycloak realm, found '${s.environment?.FERRY_OIDC_ISSUER}'`);
    ok(s.depends_on?.keycloak?.condition === "service_healthy", name, "must wait for Keycloak to be healthy");
    ok(s.read_only === true, name, "read_only must be true");
    ok((s.cap_drop ?? []).includes("ALL"), name, "cap_drop must include ALL");
  }
  for (const name of SIMULATORS) {
    ok(JSON.stringify(services[name]?.profiles) === '["sandbox"]', name, "simulators run only in the sandbox profile");
  }
  for (const [name, s] of Object.entries(raw.services ?? {})) {
    for (const [key, value] of Object.entries(s.environment ?? {})) {
      if (SECRET_NAME.test(key) && !/ID$/.test(key)) {
        ok(typeof value === "string" && /^\$\{[A-Z0-9_]+(:[?-][^}]*)?\}$/.test(value), name,
          `${key} must come from the environment (\${...}), not be written in the file`);
      }
    }
  }
  for (const [module, text] of Object.entries(dockerfiles)) {
    const from = /^FROM\s+(\S+)/m.exec(text)?.[1] ?? "";
    ok(/:[^:]*\d/.test(from) && !from.endsWith(":latest"), module, `base image '${from}' is not pinned`);
    const user = [...text.matchAll(/^USER\s+(\S+)/gm)].pop()?.[1];
    ok(user && user !== "root" && user !== "0", module, "must switch to a non-root USER");
    ok(/target\/quarkus-app\/lib\//.test(text) && /quarkus-run\.jar/.test(text), module, "must use the fast-jar layout");
    ok(/^HEALTHCHECK /m.test(text), module, "no HEALTHCHECK");
  }
  return { problems, checks };
}

const resolved = yaml.load(readFileSync(resolvedFile, "utf8"));
const raw = yaml.load(readFileSync(rawFile, "utf8"));
const dockerfiles = {};
for (const [name, s] of Object.entries(resolved.services ?? {})) {
  if (!s.build) continue;
  const context = typeof s.build === "string" ? s.build : s.build.context;
  const file = join(context, s.build.dockerfile ?? "Dockerfile");
  if (existsSync(file)) dockerfiles[name] = readFileSync(file, "utf8");
  else dockerfiles[name] = "";
}

const { problems, checks } = rules(resolved, raw, dockerfiles);
problems.forEach((p) => console.log(`  FAIL [compose] ${p}`));
console.log(`  compose rules: ${checks} checks on ${Object.keys(resolved.services ?? {}).length} services and ` +
  `${Object.keys(dockerfiles).length} Dockerfiles, ${problems.length} problems`);
if (problems.length > 0) process.exit(1);

const clone = (o) => JSON.parse(JSON.stringify(o));
const MUTATIONS = [
  ["a port published on every interface", (r) => { r.resolved.services["planner-service"].ports = ["0.0.0.0:8082:8082/tcp"]; }],
  ["an unpinned image", (r) => { r.resolved.services.postgres.image = "postgres:latest"; }],
  ["a password written into the file", (r) => { r.raw.services.postgres.environment.POSTGRES_PASSWORD = "hunter2"; }],
  ["a service that does not wait for Kafka", (r) => { delete r.resolved.services["executor-service"].depends_on.kafka; }],
  ["a health check on the wrong path", (r) => { r.resolved.services["notifier-service"].healthcheck.test = ["CMD", "true"]; }],
  ["plain-text logs", (r) => { delete r.resolved.services["planner-service"].environment.FERRY_LOG_JSON; }],
  ["a service with the OIDC tenant off", (r) => { r.resolved.services["inventory-service"].environment.FERRY_AUTH_ENABLED = "false"; }],
  ["a simulator outside the sandbox profile", (r) => { delete r.resolved.services["heroku-api"].profiles; }],
  ["a Dockerfile running as root", (r) => { r.dockerfiles["inventory-service"] = r.dockerfiles["inventory-service"].replace(/^USER 185$/m, "USER root"); }],
];
let missed = 0;
for (const [name, plant] of MUTATIONS) {
  const copy = { resolved: clone(resolved), raw: clone(raw), dockerfiles: { ...dockerfiles } };
  plant(copy);
  const caught = rules(copy.resolved, copy.raw, copy.dockerfiles).problems.length > 0;
  if (!caught) missed++;
  console.log(`  self-test ${caught ? "caught" : "MISSED"} (compose): ${name}`);
}
console.log(`  self-test: ${MUTATIONS.length - missed} of ${MUTATIONS.length} planted faults caught`);
if (missed > 0) process.exit(1);
