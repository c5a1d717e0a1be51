// Validates Ferry's rendered Kubernetes manifests without a cluster, in three passes:
//   1. schema: every built-in object against the Kubernetes OpenAPI schemas (kubernetes-models'
//      validators: types, required fields, enums, formats such as quantities and int-or-string);
//   2. strict: no unknown fields, by type-checking each object as a TypeScript literal of its
//      kubernetes-models interface (excess property checks reject a misspelt or misplaced field,
//      which the API server would silently drop or reject);
//   3. Ferry's rules: security context, probes, resources, HPA/PDB per service, no Secret filled
//      in, topics as ferry-events Topics.java defines them, documented Secret names.
// Custom resources (Strimzi) are listed for StrimziCheck.java and skipped here.
//
// usage: node validate-k8s.mjs <repo-root> <env>=<rendered.yaml> [<env>=<rendered.yaml> ...]
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const here = dirname(fileURLToPath(import.meta.url));
const [repoRoot, ...renders] = process.argv.slice(2);
if (!repoRoot || renders.length === 0) {
  console.error("usage: node validate-k8s.mjs <repo-root> <env>=<rendered.yaml> ...");
  process.exit(2);
}

const problems = [];
let quiet = false;
const fail = (env, what, message) => {
  problems.push({ env, what, message });
  if (!quiet) console.log(`  FAIL [${env}] ${what}: ${message}`);
};
const idOf = (d) => `${d.kind} ${d.metadata?.namespace ?? "-"}/${d.metadata?.name ?? "?"}`;

// ---- the facts the manifests must agree with -------------------------------------------------

/** Topic name -> partitions, read from ferry-events' Topics.java so the manifests cannot drift. */
function topicsFromSource() {
  const src = readFileSync(join(repoRoot, "ferry-events/src/main/java/dev/ferry/events/Topics.java"), "utf8");
  const names = {};
  for (const m of src.matchAll(/public static final String (\w+) = "([^"]+)";/g)) names[m[1]] = m[2];
  const topics = {};
  const maxMessageBytes = {};
  for (const m of src.matchAll(/new TopicSpec\((\w+), (\d+), (\w+)\)/g)) {
    topics[names[m[1]]] = Number(m[2]);
    // X_CONFIG = withMaxMessageBytes(Y) and Y = 32 * 1024 * 1024: the topic's record limit.
    const limit = new RegExp(`${m[3]} = withMaxMessageBytes\\((\\w+)\\)`).exec(src);
    const bytes = limit && new RegExp(`int ${limit[1]} = ([\\d *]+);`).exec(src);
    if (bytes) maxMessageBytes[names[m[1]]] = bytes[1].split("*").reduce((a, b) => a * Number(b.trim()), 1);
  }
  if (Object.keys(topics).length === 0) throw new Error("no TopicSpec found in Topics.java");
  const retention = /"retention\.ms", "(-?\d+)"/.exec(src);
  return { topics, maxMessageBytes, retentionMs: retention ? retention[1] : undefined };
}

/** Each service's REST roots (class-level @Path under /api, admin excluded), read from its sources. */
function apiRootsFromSource() {
  const roots = [];
  for (const service of ["inventory-service", "planner-service", "executor-service", "notifier-service"]) {
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".java") ? [join(dir, e.name)] : []);
    for (const file of walk(join(repoRoot, service, "src/main/java"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/^@Path\("(\/api\/[^"]*)"\)/gm)) {
        if (!m[1].startsWith("/api/admin")) roots.push({ service, path: m[1] });
      }
    }
  }
  if (roots.length === 0) throw new Error("no @Path(\"/api/...\") found in the services' sources");
  return roots;
}

/** The Ingress backend a request path reaches: the longest matching path (ingress-nginx's order). */
function routeOf(ingress, path) {
  const paths = (ingress?.spec?.rules ?? []).flatMap((r) => r.http?.paths ?? []);
  const matches = paths.filter((p) => p.pathType === "Prefix"
    ? path === p.path || path.startsWith(p.path.replace(/\/$/, "") + "/")
    : new RegExp(`^${p.path}`).test(path));
  matches.sort((a, b) => b.path.length - a.path.length);
  return matches[0]?.backend?.service?.name;
}

/** Secret names k8s/README.md documents (the `ferry-...` names in its Secrets table). */
// What each service consumes, from its application.properties: topic -> consumer group.
function consumedBy(service) {
  let props;
  try {
    props = readFileSync(join(repoRoot, service, "src/main/resources/application.properties"), "utf8");
  } catch {
    return null;
  }
  const channels = {};
  for (const m of props.matchAll(/^mp\.messaging\.incoming\.([\w-]+)\.(topic|group\.id)=(.+)$/gm)) {
    (channels[m[1]] ??= {})[m[2]] = m[3].trim();
  }
  return Object.values(channels).filter((c) => c.topic);
}

function documentedSecrets() {
  const readme = readFileSync(join(repoRoot, "k8s/README.md"), "utf8");
  const table = readme.split("## Secrets")[1] ?? "";
  // every backticked name in a row's first cell
  const cells = [...table.matchAll(/^\|([^|\n]*)\|/gm)].map((m) => m[1]);
  return new Set(cells.flatMap((cell) => [...cell.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1])));
}

// ---- pass 1: schemas ----------------------------------------------------------------------------

const BUILTIN_GROUPS = /^(v1|apps\/v1|batch\/v1|autoscaling\/v2|policy\/v1|networking\.k8s\.io\/v1|rbac\.authorization\.k8s\.io\/v1)$/;

async function schemaCheck(env, docs) {
  const custom = [];
  let checked = 0;
  for (const d of docs) {
    if (!d.apiVersion || !d.kind) {
      fail(env, "object", `missing apiVersion or kind: ${JSON.stringify(d).slice(0, 120)}`);
      continue;
    }
    if (!BUILTIN_GROUPS.test(d.apiVersion)) {
      custom.push(d);
      continue;
    }
    let Model;
    try {
      Model = (await import(`kubernetes-models/${d.apiVersion}/${d.kind}`))[d.kind];
    } catch {
      Model = undefined;
    }
    if (typeof Model !== "function") {
      fail(env, idOf(d), `no schema for ${d.apiVersion} ${d.kind} (misspelt kind or removed API version?)`);
      continue;
    }
    try {
      new Model(d).validate();
      checked++;
    } catch (e) {
      fail(env, idOf(d), e.message);
    }
  }
  return { checked, custom };
}

// ---- pass 2: no unknown fields --------------------------------------------------------------------

function strictCheck(envDocs) {
  // Inside this directory, so that tsc finds kubernetes-models in ./node_modules.
  mkdirSync(join(here, ".work"), { recursive: true });
  const dir = mkdtempSync(join(here, ".work", "run-"));
  const files = [];
  const lineMap = {}; // file -> [{from, to, env, id}]
  for (const [env, docs] of Object.entries(envDocs)) {
    const imports = new Map();
    const body = [];
    const ranges = [];
    let line = 1;
    const builtins = docs.filter((d) => BUILTIN_GROUPS.test(d.apiVersion ?? ""));
    builtins.forEach((d) => {
      const key = `${d.apiVersion}/${d.kind}`;
      if (!imports.has(key)) imports.set(key, `T${imports.size}`);
    });
    const header = [...imports].map(
      ([key, alias]) => `import type { I${key.split("/").pop()} as ${alias} } from "kubernetes-models/${key}";`,
    );
    line += header.length;
    builtins.forEach((d, i) => {
      const literal = JSON.stringify(d, null, 2);
      const text = `export const o${i}: ${imports.get(`${d.apiVersion}/${d.kind}`)} = ${literal};`;
      const lines = text.split("\n").length;
      ranges.push({ from: line, to: line + lines - 1, env, id: idOf(d) });
      body.push(text);
      line += lines;
    });
    const file = join(dir, `${env}.ts`);
    writeFileSync(file, [...header, ...body].join("\n") + "\n");
    files.push(file);
    lineMap[file] = ranges;
  }
  const tsc = join(here, "node_modules/typescript/bin/tsc");
  let output = "";
  try {
    execFileSync(
      process.execPath,
      [tsc, "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022", "--module", "nodenext",
        "--moduleResolution", "nodenext", "--typeRoots", join(here, "node_modules/@types"), ...files],
      { cwd: here, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (e) {
    output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    if (!output.trim()) output = String(e);
  }
  const errors = output.split("\n").filter((l) => / error TS\d+:/.test(l));
  for (const err of errors) {
    const m = /^(.*)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(err);
    if (!m) {
      fail("strict", "tsc", err);
      continue;
    }
    const r = (lineMap[resolve(here, m[1])] ?? []).find((x) => Number(m[2]) >= x.from && Number(m[2]) <= x.to);
    fail(r?.env ?? "strict", r?.id ?? m[1], `${m[3]} ${m[4]}`);
  }
  return { dir, objects: Object.values(lineMap).reduce((n, r) => n + r.length, 0), errors: errors.length };
}

// ---- pass 3: Ferry's rules -----------------------------------------------------------------------

function ferryRules(env, docs, facts, documented) {
  let checks = 0;
  const ok = (cond, what, message) => {
    checks++;
    if (!cond) fail(env, what, message);
  };
  const of = (kind) => docs.filter((d) => d.kind === kind);
  const tlsPorts = (of("Kafka")[0]?.spec?.kafka?.listeners ?? []).filter((l) => l.tls === true && l.authentication?.type === "tls").map((l) => l.port);

  // Production: the services reach Kafka on a mutual-TLS listener, with stores mounted from Secrets.
  const kafkaOverTls = (c, pod, settings, id) => {
    ok(settings.KAFKA_SECURITY_PROTOCOL === "SSL", id, `${c.name}: KAFKA_SECURITY_PROTOCOL must be SSL, found '${settings.KAFKA_SECURITY_PROTOCOL}'`);
    const port = Number(String(settings.KAFKA_BOOTSTRAP ?? "").split(":").pop());
    ok(tlsPorts.includes(port), id, `${c.name}: KAFKA_BOOTSTRAP '${settings.KAFKA_BOOTSTRAP}' is not a mutual-TLS listener's port (${tlsPorts})`);
    for (const key of ["KAFKA_SSL_TRUSTSTORE_LOCATION", "KAFKA_SSL_KEYSTORE_LOCATION"]) {
      const file = settings[key] ?? "";
      const mount = (c.volumeMounts ?? []).find((m) => file.startsWith(m.mountPath + "/"));
      const vol = mount && (pod.volumes ?? []).find((v) => v.name === mount.name);
      ok(vol?.secret && (vol.secret.items ?? []).some((i) => `${mount.mountPath}/${i.path}` === file), id,
        `${c.name}: ${key} '${file}' is not a file of a mounted Secret`);
    }
    ok((c.env ?? []).some((e) => e.name === "KAFKA_SSL_KEYSTORE_PASSWORD" && e.valueFrom?.secretKeyRef), id,
      `${c.name}: KAFKA_SSL_KEYSTORE_PASSWORD must come from a Secret`);
    // The key store is the service's own KafkaUser, allowed what the service consumes and no more.
    const keyStore = (c.volumeMounts ?? []).find((m) => (settings.KAFKA_SSL_KEYSTORE_LOCATION ?? "").startsWith(m.mountPath + "/"));
    const secret = (pod.volumes ?? []).find((v) => v.name === keyStore?.name)?.secret?.secretName;
    const user = of("KafkaUser").find((u) => u.metadata.name === secret);
    ok(user, id, `${c.name}: the Kafka key store Secret '${secret}' is not a KafkaUser of this render`);
    if (!user) return;
    const acls = user.spec?.authorization?.type === "simple" ? user.spec.authorization.acls ?? [] : [];
    ok(acls.length > 0, idOf(user), "needs simple authorization with ACLs");
    const allows = (type, name, op) => acls.some((a) => a.resource?.type === type && (a.operations ?? []).includes(op) &&
      (a.resource.patternType === "prefix" ? name.startsWith(a.resource.name) : a.resource.name === name));
    for (const a of acls) {
      ok(a.resource?.name && a.resource.name !== "*" && !(a.operations ?? []).some((o) => ["All", "Create", "Delete", "Alter", "AlterConfigs", "ClusterAction"].includes(o)),
        idOf(user), `ACL ${JSON.stringify(a)} grants more than reading and writing named topics and groups`);
    }
    const consumed = consumedBy(c.name);
    ok(consumed, id, `${c.name}: no ${c.name}/src/main/resources/application.properties to compare its KafkaUser with`);
    for (const ch of consumed ?? []) {
      ok(allows("topic", ch.topic, "Read") && allows("topic", ch.topic, "Describe"), idOf(user), `${c.name} consumes ${ch.topic} but may not read it`);
      ok(ch["group.id"] && allows("group", ch["group.id"], "Read"), idOf(user), `${c.name} consumes in group ${ch["group.id"]} but may not use it`);
    }
  };

  // The Ingress reaches every API root of every service, at the service that owns it.
  const ingress = of("Ingress")[0];
  ok(ingress, "Ingress", "no Ingress");
  for (const root of facts.apiRoots) {
    const sample = root.path.replace(/\{[^}]+\}/g, "x1");
    const reached = routeOf(ingress, sample);
    ok(reached === root.service, idOf(ingress ?? { kind: "Ingress", metadata: {} }),
      `${root.path} (${root.service}) is routed to ${reached ?? "nothing"}`);
  }

  ok(of("Secret").length === 0, "Secrets", "a Secret is rendered: secrets are referenced, never filled in here");

  const deny = of("NetworkPolicy").find(
    (p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 &&
      ["Ingress", "Egress"].every((t) => (p.spec.policyTypes ?? []).includes(t)) &&
      !p.spec.ingress && !p.spec.egress,
  );
  ok(deny, "NetworkPolicy", "no default-deny policy (empty podSelector, Ingress and Egress, no rules)");

  const services = of("Deployment").filter((d) => d.metadata?.labels?.["app.kubernetes.io/component"] === "service");
  ok(services.length === 4, "Deployments", `expected the 4 Ferry services, found ${services.length}`);
  for (const dep of services) {
    const id = idOf(dep);
    const pod = dep.spec.template.spec;
    const psc = pod.securityContext ?? {};
    ok(psc.runAsNonRoot === true, id, "pod securityContext.runAsNonRoot must be true");
    ok(psc.seccompProfile?.type === "RuntimeDefault", id, "pod seccompProfile must be RuntimeDefault");
    ok(pod.automountServiceAccountToken === false, id, "automountServiceAccountToken must be false");
    for (const c of pod.containers) {
      const sc = c.securityContext ?? {};
      ok(sc.readOnlyRootFilesystem === true, id, `${c.name}: readOnlyRootFilesystem must be true`);
      ok(sc.allowPrivilegeEscalation === false, id, `${c.name}: allowPrivilegeEscalation must be false`);
      ok((sc.capabilities?.drop ?? []).includes("ALL"), id, `${c.name}: capabilities must drop ALL`);
      ok(c.livenessProbe?.httpGet?.path === "/q/health/live", id, `${c.name}: liveness probe must be /q/health/live`);
      ok(c.readinessProbe?.httpGet?.path === "/q/health/ready", id, `${c.name}: readiness probe must be /q/health/ready`);
      for (const k of ["requests", "limits"]) {
        ok(c.resources?.[k]?.memory && (k === "limits" || c.resources?.[k]?.cpu), id, `${c.name}: resources.${k} missing`);
      }
      const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
      const vol = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
      ok(vol?.emptyDir, id, `${c.name}: /tmp must be an emptyDir (the root file system is read-only)`);
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) ok(documented.has(ref.name), id, `Secret ${ref.name} (key ${ref.key}) is not documented in k8s/README.md`);
      }
      // Bearer tokens on every API: the tenant on, and an issuer from a ConfigMap (never a placeholder).
      const settings = {};
      for (const from of c.envFrom ?? []) {
        const cm = from.configMapRef && of("ConfigMap").find((m) => m.metadata.name === from.configMapRef.name);
        Object.assign(settings, cm?.data ?? {});
      }
      ok(settings.FERRY_LOG_JSON === "true", id, `${c.name}: FERRY_LOG_JSON must be "true" (JSON log lines with the migration and step ids)`);
      ok(settings.FERRY_AUTH_ENABLED === "true", id, `${c.name}: FERRY_AUTH_ENABLED must be "true" (from a ConfigMap)`);
      ok(/^https?:\/\/[^/]+\/.+/.test(settings.FERRY_OIDC_ISSUER ?? "") && !/\.invalid\//.test(settings.FERRY_OIDC_ISSUER),
        id, `${c.name}: FERRY_OIDC_ISSUER must name the overlay's issuer in a ConfigMap, found '${settings.FERRY_OIDC_ISSUER}'`);
      if (env === "production") {
        ok(settings.FERRY_OIDC_ISSUER?.startsWith("https://"), id, `${c.name}: production's issuer must be https`);
        kafkaOverTls(c, pod, settings, id);
      }
    }
    for (const v of pod.volumes ?? []) {
      if (v.secret) ok(documented.has(v.secret.secretName), id, `Secret ${v.secret.secretName} (volume ${v.name}) is not documented in k8s/README.md`);
    }
    const name = dep.metadata.name;
    const hpa = of("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef?.name === name);
    ok(hpa, id, "no HorizontalPodAutoscaler targets it");
    const labels = dep.spec.template.metadata.labels;
    const matches = (sel) => Object.entries(sel?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    ok(of("PodDisruptionBudget").some((p) => matches(p.spec.selector)), id, "no PodDisruptionBudget selects it");
    ok(of("Service").some((s) => s.spec.selector && Object.entries(s.spec.selector).every(([k, v]) => labels[k] === v)),
      id, "no Service selects it");
    ok(of("NetworkPolicy").some((p) => (p.spec.policyTypes ?? []).includes("Ingress") && p.spec.ingress &&
      Object.entries(p.spec.podSelector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v)),
      id, "no NetworkPolicy admits ingress to it");
  }

  const topics = of("KafkaTopic");
  const expected = facts.topics;
  ok(topics.length === Object.keys(expected).length, "KafkaTopics",
    `expected ${Object.keys(expected).length} topics (Topics.java), found ${topics.length}`);
  for (const [name, partitions] of Object.entries(expected)) {
    const t = topics.find((x) => (x.spec?.topicName ?? x.metadata.name) === name);
    ok(t, "KafkaTopics", `topic ${name} is missing`);
    if (!t) continue;
    ok(t.spec.partitions === partitions, idOf(t), `partitions ${t.spec.partitions}, Topics.java says ${partitions}`);
    ok(String(t.spec.config?.["retention.ms"]) === "-1", idOf(t), "retention.ms must be -1 (the event log is kept)");
    ok(String(t.spec.config?.["retention.bytes"]) === "-1", idOf(t), "retention.bytes must be -1");
    ok(t.spec.config?.["cleanup.policy"] === "delete", idOf(t), "cleanup.policy must be delete (never compacted)");
    if (facts.maxMessageBytes[name] !== undefined) {
      ok(Number(t.spec.config?.["max.message.bytes"]) === facts.maxMessageBytes[name], idOf(t),
        `max.message.bytes ${t.spec.config?.["max.message.bytes"]}, Topics.java says ${facts.maxMessageBytes[name]}`);
    }
    if (env === "production") {
      ok(t.spec.replicas === 3, idOf(t), `production needs replicas 3, found ${t.spec.replicas}`);
      ok(Number(t.spec.config?.["min.insync.replicas"]) === 2, idOf(t), "production needs min.insync.replicas 2");
    }
    ok(Number(t.spec.config?.["min.insync.replicas"]) < t.spec.replicas || t.spec.replicas === 1, idOf(t),
      "min.insync.replicas must be below replicas, or one broker loss stops every write");
  }
  const kafka = of("Kafka")[0];
  ok(kafka, "Kafka", "no Strimzi Kafka resource");
  if (kafka) {
    ok(kafka.spec?.kafka?.config?.["auto.create.topics.enable"] === false, idOf(kafka), "auto.create.topics.enable must be false");
    ok(!kafka.spec?.zookeeper, idOf(kafka), "KRaft only: no zookeeper section");
    ok(of("KafkaNodePool").some((p) => (p.spec?.roles ?? []).includes("controller")), idOf(kafka), "no KafkaNodePool with the controller role (KRaft)");
  }
  if (env === "production") {
    for (const h of of("HorizontalPodAutoscaler")) ok(h.spec.minReplicas >= 2, idOf(h), "production needs minReplicas >= 2");
    const pool = of("KafkaNodePool")[0];
    ok(pool?.spec?.replicas >= 3, "KafkaNodePool", "production needs at least 3 Kafka nodes");
    for (const l of kafka?.spec?.kafka?.listeners ?? []) {
      ok(l.tls === true && l.authentication?.type === "tls", idOf(kafka), `production listener ${l.name} must be mutual TLS (tls: true, authentication tls)`);
    }
  }
  return checks;
}

// ---- self-test: every pass must catch a fault planted in good manifests ------------------------

const clone = (docs) => JSON.parse(JSON.stringify(docs));
const firstService = (docs) => docs.find((d) => d.kind === "Deployment" && d.metadata?.labels?.["app.kubernetes.io/component"] === "service");
const MUTATIONS = [
  ["schema", "a container port that is not a number", (docs) => { firstService(docs).spec.template.spec.containers[0].ports[0].containerPort = "http"; }],
  ["schema", "a memory limit that is not a quantity", (docs) => { firstService(docs).spec.template.spec.containers[0].resources.limits.memory = "1Gx"; }],
  ["schema", "a misspelt kind", (docs) => { docs.find((d) => d.kind === "PodDisruptionBudget").kind = "PodDisruptionBudge"; }],
  ["strict", "an unknown field in a container", (docs) => { firstService(docs).spec.template.spec.containers[0].readinesProbe = { exec: { command: ["true"] } }; }],
  ["strict", "a field one level too high", (docs) => { firstService(docs).spec.template.spec.readOnlyRootFilesystem = true; }],
  ["strict", "a misspelt PodDisruptionBudget field", (docs) => { const p = docs.find((d) => d.kind === "PodDisruptionBudget"); p.spec.maxUnavailabel = 1; }],
  ["rules", "a writable root file system", (docs) => { firstService(docs).spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false; }],
  ["rules", "a filled-in Secret", (docs) => { docs.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "ferry-heroku" }, stringData: { token: "x" } }); }],
  ["rules", "a topic with other partitions than Topics.java", (docs) => { docs.find((d) => d.kind === "KafkaTopic").spec.partitions = 12; }],
  ["rules", "a large-record topic without its record limit", (docs) => { delete docs.find((d) => d.kind === "KafkaTopic" && d.spec.topicName === "ferry.plans").spec.config["max.message.bytes"]; }],
  ["rules", "a topic with finite retention", (docs) => { docs.find((d) => d.kind === "KafkaTopic").spec.config["retention.ms"] = 604800000; }],
  ["rules", "production topic replication 1", (docs) => { docs.find((d) => d.kind === "KafkaTopic").spec.replicas = 1; }],
  ["rules", "a service without a PodDisruptionBudget", (docs) => { const i = docs.findIndex((d) => d.kind === "PodDisruptionBudget"); docs.splice(i, 1); }],
  ["rules", "an undocumented Secret reference", (docs) => { firstService(docs).spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name = "mystery"; }],
  ["rules", "no default-deny NetworkPolicy", (docs) => { const i = docs.findIndex((d) => d.kind === "NetworkPolicy" && d.metadata.name === "default-deny-all"); docs.splice(i, 1); }],
  ["rules", "a liveness probe on the wrong path", (docs) => { firstService(docs).spec.template.spec.containers[0].livenessProbe.httpGet.path = "/"; }],
  ["rules", "the OIDC tenant turned off", (docs) => { docs.filter((d) => d.kind === "ConfigMap" && d.data?.FERRY_AUTH_ENABLED).forEach((d) => { d.data.FERRY_AUTH_ENABLED = "false"; }); }],
  ["rules", "a plain Kafka listener in production", (docs) => { docs.find((d) => d.kind === "Kafka").spec.kafka.listeners.push({ name: "plain", port: 9092, type: "internal", tls: false }); }],
  ["rules", "a service on Kafka without its client certificate", (docs) => { const c = firstService(docs).spec.template.spec.containers[0]; c.volumeMounts = c.volumeMounts.filter((m) => m.name !== "kafka-client"); }],
  ["rules", "a service on the plain Kafka port", (docs) => { docs.filter((d) => d.kind === "ConfigMap" && d.data?.KAFKA_BOOTSTRAP).forEach((d) => { d.data.KAFKA_BOOTSTRAP = "ferry-kafka-kafka-bootstrap:9092"; }); }],
  ["rules", "a KafkaUser that cannot read a topic its service consumes", (docs) => { const u = docs.find((d) => d.kind === "KafkaUser" && d.metadata.name === "ferry-planner"); u.spec.authorization.acls = u.spec.authorization.acls.filter((a) => a.resource.name !== "ferry.commands"); }],
  ["rules", "a KafkaUser allowed everything", (docs) => { docs.find((d) => d.kind === "KafkaUser").spec.authorization.acls.push({ resource: { type: "topic", name: "*", patternType: "literal" }, operations: ["All"] }); }],
  ["rules", "a service presenting another service's certificate", (docs) => { const d = docs.find((x) => x.kind === "Deployment" && x.metadata.name === "planner-service"); d.spec.template.spec.volumes.find((x) => x.name === "kafka-client").secret.secretName = "ferry-executor"; }],
  ["rules", "an API root the Ingress does not route", (docs) => { const r = docs.find((d) => d.kind === "Ingress").spec.rules[0].http; r.paths = r.paths.filter((p) => p.path !== "/api/subscriptions"); }],
  ["rules", "the executor's dry run routed to the planner", (docs) => { const r = docs.find((d) => d.kind === "Ingress").spec.rules[0].http; r.paths = r.paths.filter((p) => !p.path.includes("dry-run")); }],
  ["rules", "plain-text logs", (docs) => { docs.filter((d) => d.kind === "ConfigMap" && d.data?.FERRY_LOG_JSON).forEach((d) => { delete d.data.FERRY_LOG_JSON; }); }],
  ["rules", "the placeholder issuer left in", (docs) => { docs.filter((d) => d.kind === "ConfigMap" && d.data?.FERRY_OIDC_ISSUER).forEach((d) => { d.data.FERRY_OIDC_ISSUER = "https://issuer.invalid/realms/ferry"; }); }],
];

async function selfTest(good, facts, documented) {
  quiet = true;
  let missed = 0;
  const strictEnvs = {};
  const report = (kind, name, caught) => {
    if (!caught) missed++;
    console.log(`  self-test ${caught ? "caught" : "MISSED"} (${kind}): ${name}`);
  };
  for (const [kind, name, mutate] of MUTATIONS) {
    const docs = clone(good);
    mutate(docs);
    if (kind === "strict") {
      strictEnvs[`mutation${Object.keys(strictEnvs).length}`] = { name, docs };
      continue;
    }
    problems.length = 0;
    if (kind === "schema") await schemaCheck("production", docs);
    else ferryRules("production", docs, facts, documented);
    report(kind, name, problems.length > 0);
  }
  problems.length = 0;
  strictCheck(Object.fromEntries(Object.entries(strictEnvs).map(([env, m]) => [env, m.docs])));
  for (const [env, m] of Object.entries(strictEnvs)) report("strict", m.name, problems.some((p) => p.env === env));
  problems.length = 0;
  quiet = false;
  return missed;
}

// ---- main -------------------------------------------------------------------------------------------

const facts = { ...topicsFromSource(), apiRoots: apiRootsFromSource() };
const documented = documentedSecrets();
const envDocs = {};
for (const arg of renders) {
  const [env, file] = arg.split("=");
  try {
    envDocs[env] = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d);
  } catch (e) {
    fail(env, file, `not valid YAML: ${e.message.split("\n")[0]}`);
    envDocs[env] = [];
  }
}

const custom = {};
for (const [env, docs] of Object.entries(envDocs)) {
  const { checked, custom: cr } = await schemaCheck(env, docs);
  custom[env] = cr;
  console.log(`  schema [${env}]: ${docs.length} objects, ${checked} built-in objects valid against Kubernetes 1.3x schemas; ` +
    `${cr.length} custom resources (${[...new Set(cr.map((d) => d.kind))].join(", ")}) left to the Strimzi check`);
}
const strict = strictCheck(envDocs);
console.log(`  strict: ${strict.objects} built-in objects type-checked for unknown or mistyped fields, ${strict.errors} errors`);
for (const [env, docs] of Object.entries(envDocs)) {
  const n = ferryRules(env, docs, facts, documented);
  console.log(`  rules  [${env}]: ${n} checks (security context, probes, resources, HPA/PDB/Service/NetworkPolicy per service, Ingress routes per API root, JSON logs, ` +
    `no Secret, topics = Topics.java ${JSON.stringify(facts.topics)})`);
}
for (const [env, cr] of Object.entries(custom)) {
  writeFileSync(join(strict.dir, `${env}-custom.yaml`), cr.map((d) => yaml.dump(d)).join("---\n"));
}
console.log(`CUSTOM_RESOURCES_DIR=${strict.dir}`);
if (problems.length > 0) {
  console.log(`  ${problems.length} problem(s) found`);
  process.exit(1);
}
if (envDocs.production) {
  const missed = await selfTest(envDocs.production, facts, documented);
  console.log(`  self-test: ${MUTATIONS.length - missed} of ${MUTATIONS.length} planted faults caught`);
  if (missed > 0) process.exit(1);
}
