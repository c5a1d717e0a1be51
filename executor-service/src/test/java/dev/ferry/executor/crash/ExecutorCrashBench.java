package dev.ferry.executor.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.messaging.PlansConsumer;
import dev.ferry.oidc.OidcIssuer;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.LocalKafka;
import dev.ferry.testkit.LocalPostgres;
import dev.ferry.testkit.QuarkusApp;
import dev.ferry.testkit.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Crash test: the packaged executor runs as a child process, with OIDC bearer-token auth on, against
 * the Aptible simulator (backed by real local databases), a real Kafka and a real PostgreSQL; a
 * 30-step migration that copies two real databases starts and the executor is killed with SIGKILL at
 * random moments and restarted each time. At the end the migration must have completed with exactly
 * one of each Aptible resource, one success per step, and copies equal to their sources by the
 * bench's own queries. Run with {@code bench/executor-crash.sh}.
 */
class ExecutorCrashBench {
    static final String KEY = "dGVzdC1rZXktZm9yLWZlcnJ5LXRlc3RzLW9ubHktMzI=";
    static final SecretBox BOX = SecretBox.of("k1", KEY);
    static final String USER = "crash-operator";

    @Test
    void theMigrationSurvivesRandomKills() throws Exception {
        int kills = Integer.getInteger("crash.kills", 20);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        int orders = Integer.getInteger("crash.rows", 650_000);
        int maxDelayMs = Integer.getInteger("crash.max-delay-ms", 6_000);
        Random random = new Random(seed);
        Path work = Path.of("target", "crash").toAbsolutePath();
        Path logs = work.resolve("logs");
        long began = System.nanoTime();
        try (LocalKafka kafka = LocalKafka.start(work.resolve("kafka"));
                LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"));
                OidcIssuer issuer = OidcIssuer.start(
                        0,
                        "ferry-api",
                        List.of(new OidcIssuer.User(USER, USER + "-pw", Set.of("viewer", "operator", "approver"))))) {
            postgres.createDatabase("ferry_executor");
            SourceDatabases data = new SourceDatabases(postgres);
            long seeding = System.nanoTime();
            Map<String, String> sources = new LinkedHashMap<>();
            Map<String, String> sourceDb = new LinkedHashMap<>();
            for (String handle : List.of("crash-db-0", "crash-db-1")) {
                String name = "heroku_" + handle.replace('-', '_');
                sources.put(handle, data.create(name, orders));
                sourceDb.put(handle, name);
            }
            Map<String, Map<String, String>> sourcePrints = new LinkedHashMap<>();
            for (var e : sourceDb.entrySet()) {
                sourcePrints.put(e.getKey(), data.fingerprint(e.getValue()));
            }
            long seedMs = Duration.ofNanos(System.nanoTime() - seeding).toMillis();

            QuarkusApp aptible = QuarkusApp.start(
                    "aptible-api",
                    QuarkusApp.jarOf("simulators/aptible-api"),
                    ExecutorCrashBench.aptibleProps(postgres),
                    logs);
            Map<String, String> props = executorProps(kafka, postgres, aptible, issuer);
            Path jar = QuarkusApp.jarOf("executor-service");
            QuarkusApp executor = QuarkusApp.start("executor-0", jar, props, logs);

            String token = Tokens.fetch(issuer.issuer(), USER, 6 * 3600);
            ExecutorApi api = new ExecutorApi(token);
            String probeUrl = executor.url() + "/api/migrations";
            String authCheck = "bearer token " + ExecutorApi.statusOf(probeUrl, "Bearer " + token)
                    + ", forged token " + ExecutorApi.statusOf(probeUrl, "Bearer not.a.token") + ", no token "
                    + ExecutorApi.statusOf(probeUrl, null);

            String env = "crash-production";
            List<PlanStep> steps = CrashPlan.steps(env, sources, BOX);
            EventProbe probe = new EventProbe(kafka.bootstrapServers());
            probe.append(
                    EventIds.random(),
                    "/ferry/planner",
                    new PlanProposed("plan-crash", 1, "d-crash", env, "alice", steps, Instant.now()));
            probe.append(
                    EventIds.random(), "/ferry/planner", new PlanApproved("plan-crash", 1, "bob", null, Instant.now()));
            String migrationId = PlansConsumer.migrationId("plan-crash", 1);
            long approved = System.nanoTime();

            int killsWhileRunning = 0;
            int killsInDataStep = 0;
            int killsWithCopierSessions = 0;
            List<String> moments = new ArrayList<>();
            List<String> sourceNames = List.copyOf(sourceDb.values());
            for (int i = 1; i <= kills; i++) {
                long delay = 1000 + random.nextInt(maxDelayMs - 1000);
                Thread.sleep(delay);
                JsonNode before = api.migration(executor.url(), migrationId);
                int sessions = data.copierSessions(sourceNames);
                executor.kill();
                String status = before == null
                        ? "unreadable"
                        : before.path("migration").path("status").asText("not started");
                List<String> running = ExecutorApi.running(before);
                boolean inData = running.stream()
                        .anyMatch(r -> r.contains("(copy-postgres)") || r.contains("(verify-postgres)"));
                killsWhileRunning += "completed".equals(status) ? 0 : 1;
                killsInDataStep += inData ? 1 : 0;
                killsWithCopierSessions += sessions > 0 ? 1 : 0;
                moments.add(String.format(
                        "kill %2d after %4d ms up: %s, %d/%d steps succeeded, running %s, copier sessions on sources %d",
                        i, delay, status, ExecutorApi.count(before, "succeeded"), steps.size(), running, sessions));
                executor = QuarkusApp.start("executor-" + i, jar, props, logs);
            }
            String finalStatus = api.awaitEnd(executor.url(), migrationId, Duration.ofMinutes(10));
            long totalMs = Duration.ofNanos(System.nanoTime() - began).toMillis();
            long migrationMs = Duration.ofNanos(System.nanoTime() - approved).toMillis();
            JsonNode end = api.migration(executor.url(), migrationId);

            JsonNode state = ExecutorApi.getJson(aptible.url() + "/_simulator/state");
            Map<String, Integer> accounts = counts(state.path("accounts").path("handles"));
            Map<String, Integer> apps =
                    counts(state.path("apps").path("by_account").path(env));
            Map<String, Integer> databases =
                    counts(state.path("databases").path("by_account").path(env));
            int duplicateResources = extra(accounts) + extra(apps) + extra(databases);
            JsonNode ops = state.path("operations").path("by_type");
            int configureOps = ops.path("configure").asInt();
            int provisionOps = ops.path("provision").asInt();
            List<String> backing = data.databasesNamed("aptible_db_");

            List<String> verification = new ArrayList<>();
            boolean allVerified = end != null;
            for (String handle : sources.keySet()) {
                String id = end == null
                        ? null
                        : ExecutorApi.step(end, "db:" + handle)
                                .path("outputs")
                                .path("databaseId")
                                .asText(null);
                Map<String, String> expected = sourcePrints.get(handle);
                Map<String, String> actual = id == null ? Map.of() : data.fingerprint("aptible_db_" + id);
                boolean same = expected.equals(actual);
                allVerified &= same;
                verification.add(String.format(
                        "  %s (aptible_db_%s): %s; %d rows in %d tables, %d sequences",
                        handle,
                        id,
                        same ? "EQUAL to its source" : "DIFFERENT: source " + expected + " target " + actual,
                        SourceDatabases.rows(expected),
                        SourceDatabases.TABLES.length,
                        SourceDatabases.SEQUENCES.length));
                if (end != null) {
                    verification.add("    copy step:   "
                            + ExecutorApi.step(end, "copy:" + handle)
                                    .path("summary")
                                    .asText());
                    verification.add("    verify step: "
                            + ExecutorApi.step(end, "verify:" + handle)
                                    .path("summary")
                                    .asText());
                }
            }

            List<CloudEvent> events = probe.readAll(Topics.MIGRATIONS).stream()
                    .filter(e -> e.subject().equals(migrationId))
                    .toList();
            Map<String, Long> successIds = events.stream()
                    .filter(e -> e.data() instanceof StepSucceeded)
                    .collect(Collectors.groupingBy(
                            e -> ((StepSucceeded) e.data()).stepId(),
                            Collectors.mapping(CloudEvent::id, Collectors.collectingAndThen(Collectors.toSet(), s ->
                                    (long) s.size()))));
            long successRecords = events.stream()
                    .filter(e -> e.data() instanceof StepSucceeded)
                    .count();
            Map<String, Long> attemptsByStep = events.stream()
                    .filter(e -> e.data() instanceof StepStarted)
                    .collect(Collectors.groupingBy(
                            e -> ((StepStarted) e.data()).stepId(),
                            Collectors.collectingAndThen(
                                    Collectors.mapping(CloudEvent::id, Collectors.toSet()), s -> (long) s.size())));
            long attempts =
                    attemptsByStep.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> dataAttempts = new java.util.TreeMap<>();
            attemptsByStep.forEach((step, n) -> {
                if (step.startsWith("copy:") || step.startsWith("verify:")) {
                    dataAttempts.put(step, n);
                }
            });
            List<String> notOnce = steps.stream()
                    .map(PlanStep::id)
                    .filter(id -> successIds.getOrDefault(id, 0L) != 1L)
                    .toList();

            String report = String.join(
                    "\n",
                    "== Executor crash test ==",
                    "plan: " + steps.size() + " steps (1 environment, 2 databases each ensure-database + copy-postgres"
                            + " + verify-postgres, " + CrashPlan.APPS + " apps, " + CrashPlan.APPS
                            + " configurations with sealed values, 3 timed waits of " + CrashPlan.WAIT_SECONDS + " s)",
                    "sources: 2 databases of " + SourceDatabases.rows(sourcePrints.get("crash-db-0"))
                            + " rows each (customers, orders with a sequence default, events jsonb), seeded in "
                            + seedMs / 1000.0 + " s",
                    "simulator: operations queued 200 ms, running 1800 ms, databases backed by the bench's PostgreSQL;"
                            + " seed " + seed,
                    "auth: executor with quarkus-oidc on (issuer in the bench, user " + USER
                            + " viewer+operator+approver); GET /api/migrations: " + authCheck,
                    String.join("\n", moments),
                    "",
                    "kills (SIGKILL):                 " + kills + " (" + killsWhileRunning
                            + " while the migration was running)",
                    "kills during a data step:        " + killsInDataStep
                            + " (copy-postgres/verify-postgres running); " + killsWithCopierSessions
                            + " with copier sessions open on a source; kill moments 1 to " + maxDelayMs / 1000
                            + " s after each start",
                    "restarts:                        " + kills,
                    "final status:                    " + finalStatus,
                    "steps succeeded exactly once:    " + (steps.size() - notOnce.size()) + "/" + steps.size()
                            + (notOnce.isEmpty() ? "" : " (not once: " + notOnce + ")"),
                    "step-succeeded records in log:   " + successRecords + " (distinct ids: "
                            + successIds.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum() + ")",
                    "attempts started (distinct):     " + attempts + "; data steps " + dataAttempts,
                    "environments with the handle:    " + accounts.getOrDefault(env, 0),
                    "apps created:                    " + apps.size() + " distinct handles, " + sum(apps) + " apps",
                    "databases created:               " + databases.size() + " distinct handles, " + sum(databases)
                            + " databases " + databases + "; provision operations " + provisionOps
                            + "; backing databases " + backing,
                    "configure operations:            " + configureOps,
                    "duplicate resources:             " + duplicateResources,
                    "data verified by the bench:      " + (allVerified ? "yes" : "NO")
                            + " (count and hash sum per table, sequence positions; source vs target)",
                    String.join("\n", verification),
                    "migration time (approval to end): " + migrationMs / 1000.0 + " s (" + kills
                            + " executor restarts included)",
                    "total time:                      " + totalMs / 1000.0 + " s (with seeding and start-ups)");
            System.out.println(report);
            Path out = Path.of("target", "bench", "executor-crash.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + "\n");

            executor.close();
            aptible.close();
            assertThat(finalStatus).isEqualTo("completed");
            assertThat(duplicateResources).isZero();
            assertThat(accounts.get(env)).isEqualTo(1);
            assertThat(apps)
                    .hasSize(CrashPlan.APPS)
                    .allSatisfy((handle, n) -> assertThat(n).isEqualTo(1));
            assertThat(databases)
                    .containsOnlyKeys(sources.keySet())
                    .allSatisfy((handle, n) -> assertThat(n).isEqualTo(1));
            assertThat(backing).hasSize(sources.size());
            assertThat(notOnce).isEmpty();
            assertThat(configureOps).isEqualTo(CrashPlan.APPS);
            assertThat(allVerified).as("every copy equals its source").isTrue();
        }
    }

    /** The Aptible simulator of both benches: 2 s operations, databases backed by the bench's PostgreSQL. */
    static Map<String, String> aptibleProps(LocalPostgres postgres) {
        return Map.of(
                "aptible-sim.operations.queued-ms",
                "200",
                "aptible-sim.operations.running-ms",
                "1800",
                "aptible-sim.backing.postgres-admin-url",
                "postgresql://" + LocalPostgres.USER + ":" + LocalPostgres.PASSWORD + "@127.0.0.1:" + postgres.port()
                        + "/postgres");
    }

    static Map<String, String> executorProps(
            LocalKafka kafka, LocalPostgres postgres, QuarkusApp aptible, OidcIssuer issuer) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        p.put("quarkus.datasource.reactive.url", postgres.reactiveUrl("ferry_executor"));
        p.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("ferry_executor"));
        p.put("quarkus.datasource.username", LocalPostgres.USER);
        p.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
        p.put("ferry.secrets.keys.k1", KEY);
        p.put("quarkus.rest-client.aptible.url", aptible.url());
        p.put("executor.aptible.username", "deploy@acme.example");
        p.put("executor.aptible.password", "ferry-demo-password");
        p.put("executor.resume.every", "1s");
        p.put("executor.resume.quiet-for", "2s");
        p.put("executor.steps.backoff", "200ms");
        // Auth the way production runs it: bearer tokens from an OIDC issuer.
        p.put("quarkus.oidc.tenant-enabled", "true");
        p.put("quarkus.oidc.auth-server-url", issuer.issuer());
        p.put("quarkus.oidc.client-id", "ferry-api");
        // Static membership: a restarted executor takes its partitions back at once instead of waiting for
        // the killed member's session to time out.
        for (String channel : List.of("plans-in", "migrations-in", "commands-in")) {
            p.put("mp.messaging.incoming." + channel + ".group.instance.id", "crash-executor-" + channel);
            p.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "10000");
        }
        return p;
    }

    static Map<String, Integer> counts(JsonNode handles) {
        Map<String, Integer> counts = new HashMap<>();
        handles.forEach(h -> counts.merge(h.asText(), 1, Integer::sum));
        return counts;
    }

    static int extra(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(n -> n - 1).sum();
    }

    static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
