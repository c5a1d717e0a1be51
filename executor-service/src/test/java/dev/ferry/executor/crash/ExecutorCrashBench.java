package dev.ferry.executor.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.LocalKafka;
import dev.ferry.testkit.LocalPostgres;
import dev.ferry.testkit.QuarkusApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Crash test: the packaged executor runs as a child process against the Aptible simulator, a real
 * Kafka and a real PostgreSQL; a 30-step migration starts and the executor is killed with SIGKILL at
 * random moments and restarted each time. At the end the migration must have completed with exactly
 * one of each Aptible resource and one success per step. Run with {@code bench/executor-crash.sh}.
 */
class ExecutorCrashBench {
    static final String KEY = "dGVzdC1rZXktZm9yLWZlcnJ5LXRlc3RzLW9ubHktMzI=";
    static final SecretBox BOX = SecretBox.of("k1", KEY);
    static final int APPS = 12;
    static final long WAIT_SECONDS = 3;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theMigrationSurvivesRandomKills() throws Exception {
        int kills = Integer.getInteger("crash.kills", 20);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path work = Path.of("target", "crash").toAbsolutePath();
        Path logs = work.resolve("logs");
        long began = System.nanoTime();
        try (LocalKafka kafka = LocalKafka.start(work.resolve("kafka"));
                LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"))) {
            postgres.createDatabase("ferry_executor");
            QuarkusApp aptible = QuarkusApp.start(
                    "aptible-api",
                    QuarkusApp.jarOf("simulators/aptible-api"),
                    Map.of("aptible-sim.operations.queued-ms", "200", "aptible-sim.operations.running-ms", "1800"),
                    logs);
            Map<String, String> props = executorProps(kafka, postgres, aptible);
            Path jar = QuarkusApp.jarOf("executor-service");
            QuarkusApp executor = QuarkusApp.start("executor-0", jar, props, logs);

            String env = "crash-production";
            List<PlanStep> steps = plan(env);
            EventProbe probe = new EventProbe(kafka.bootstrapServers());
            probe.append(
                    EventIds.random(),
                    "/ferry/planner",
                    new PlanProposed("plan-crash", 1, "d-crash", env, "alice", steps, Instant.now()));
            probe.append(
                    EventIds.random(), "/ferry/planner", new PlanApproved("plan-crash", 1, "bob", null, Instant.now()));
            String migrationId = PlansConsumer.migrationId("plan-crash", 1);

            int killed = 0;
            int restarts = 0;
            int killsWhileRunning = 0;
            List<String> moments = new ArrayList<>();
            for (int i = 1; i <= kills; i++) {
                long delay = 1000 + random.nextInt(5000);
                Thread.sleep(delay);
                String before = status(executor, migrationId);
                int succeeded = succeededSteps(executor, migrationId);
                executor.kill();
                killed++;
                if (!"completed".equals(before)) {
                    killsWhileRunning++;
                }
                moments.add(String.format(
                        "kill %2d after %4d ms up: %s, %d/%d steps succeeded",
                        i, delay, before, succeeded, steps.size()));
                executor = QuarkusApp.start("executor-" + i, jar, props, logs);
                restarts++;
            }
            String finalStatus = awaitEnd(executor, migrationId, Duration.ofMinutes(5));
            long totalMs = Duration.ofNanos(System.nanoTime() - began).toMillis();

            JsonNode state = get(aptible.url() + "/_simulator/state");
            Map<String, Integer> accounts = counts(state.path("accounts").path("handles"));
            Map<String, Integer> apps =
                    counts(state.path("apps").path("by_account").path(env));
            int duplicateResources =
                    accounts.values().stream().mapToInt(n -> n - 1).sum()
                            + apps.values().stream().mapToInt(n -> n - 1).sum();
            int configureOps =
                    state.path("operations").path("by_type").path("configure").asInt();

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
            long attempts = events.stream()
                    .filter(e -> e.data() instanceof StepStarted)
                    .map(CloudEvent::id)
                    .distinct()
                    .count();
            List<String> notOnce = steps.stream()
                    .map(PlanStep::id)
                    .filter(id -> successIds.getOrDefault(id, 0L) != 1L)
                    .toList();

            String report = String.join(
                    "\n",
                    "== Executor crash test ==",
                    "plan: " + steps.size() + " steps (1 environment, " + APPS + " apps, " + APPS
                            + " configurations with sealed values, 5 timed waits of " + WAIT_SECONDS + " s)",
                    "simulator: operations queued 200 ms, running 1800 ms; seed " + seed,
                    String.join("\n", moments),
                    "",
                    "kills (SIGKILL):                 " + killed + " (" + killsWhileRunning
                            + " while the migration was running)",
                    "restarts:                        " + restarts,
                    "final status:                    " + finalStatus,
                    "steps succeeded exactly once:    " + (steps.size() - notOnce.size()) + "/" + steps.size()
                            + (notOnce.isEmpty() ? "" : " (not once: " + notOnce + ")"),
                    "step-succeeded records in log:   " + successRecords + " (distinct ids: "
                            + successIds.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum() + ")",
                    "attempts started (distinct):     " + attempts,
                    "environments with the handle:    " + accounts.getOrDefault(env, 0),
                    "apps created:                    " + apps.size() + " distinct handles, "
                            + apps.values().stream().mapToInt(Integer::intValue).sum() + " apps",
                    "configure operations:            " + configureOps,
                    "duplicate resources:             " + duplicateResources,
                    "total time:                      " + totalMs / 1000.0 + " s");
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
                    .hasSize(APPS)
                    .allSatisfy((handle, n) -> assertThat(n).isEqualTo(1));
            assertThat(notOnce).isEmpty();
            assertThat(configureOps).isEqualTo(APPS);
        }
    }

    static Map<String, String> executorProps(LocalKafka kafka, LocalPostgres postgres, QuarkusApp aptible) {
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
        // Static membership: a restarted executor takes its partitions back at once instead of waiting for
        // the killed member's session to time out.
        for (String channel : List.of("plans-in", "migrations-in", "commands-in")) {
            p.put("mp.messaging.incoming." + channel + ".group.instance.id", "crash-executor-" + channel);
            p.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "10000");
        }
        return p;
    }

    /** 30 steps: environment, then four groups of three apps behind a timed wait each, then a last wait. */
    static List<PlanStep> plan(String env) {
        List<PlanStep> steps = new ArrayList<>();
        steps.add(step(
                "environment",
                "ensure-environment",
                List.of(),
                Map.of("handle", env, "type", "production"),
                Map.of(),
                null));
        List<String> previous = List.of("environment");
        String lastConfigure = null;
        for (int group = 0; group < 4; group++) {
            String wait = "wait-" + group;
            steps.add(step(wait, "timed-wait", previous, Map.of("instructions", "settle"), Map.of(), WAIT_SECONDS));
            List<String> configures = new ArrayList<>();
            for (int i = group * 3; i < group * 3 + 3; i++) {
                String app = "crash-app-" + i;
                steps.add(step(
                        "app:" + app,
                        "ensure-app",
                        List.of(wait),
                        Map.of("handle", app, "app", app, "environment", env),
                        Map.of(),
                        null));
                List<String> deps = new ArrayList<>(List.of("app:" + app));
                if (lastConfigure != null) {
                    deps.add(lastConfigure);
                }
                lastConfigure = "configure:" + app;
                steps.add(step(
                        lastConfigure,
                        "configure-app",
                        deps,
                        Map.of("app", app),
                        Map.of("SECRET_KEY_BASE", "FAKE-crash-secret-" + i, "RAILS_ENV", "production"),
                        null));
                configures.add(lastConfigure);
            }
            previous = configures;
        }
        steps.add(step("wait-final", "timed-wait", previous, Map.of("instructions", "watch"), Map.of(), WAIT_SECONDS));
        return steps;
    }

    static PlanStep step(
            String id,
            String type,
            List<String> deps,
            Map<String, String> params,
            Map<String, String> secrets,
            Long waitSeconds) {
        Map<String, dev.ferry.events.secret.SealedSecret> sealed = new HashMap<>();
        secrets.forEach((k, v) -> sealed.put(k, BOX.seal(v)));
        return new PlanStep(
                id,
                type,
                id,
                "crash test",
                deps,
                params,
                sealed,
                null,
                null,
                null,
                waitSeconds,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static String status(QuarkusApp executor, String migrationId) {
        try {
            return get(executor.url() + "/api/migrations/" + migrationId)
                    .path("migration")
                    .path("status")
                    .asText("not started");
        } catch (Exception e) {
            return "unreadable";
        }
    }

    static int succeededSteps(QuarkusApp executor, String migrationId) {
        try {
            int n = 0;
            for (JsonNode s :
                    get(executor.url() + "/api/migrations/" + migrationId).path("steps")) {
                n += s.path("status").asText().equals("succeeded") ? 1 : 0;
            }
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    static String awaitEnd(QuarkusApp executor, String migrationId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String status = "unknown";
        while (Instant.now().isBefore(deadline)) {
            status = status(executor, migrationId);
            if (status.equals("completed") || status.equals("failed")) {
                return status;
            }
            Thread.sleep(500);
        }
        return status;
    }

    static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    static Map<String, Integer> counts(JsonNode handles) {
        Map<String, Integer> counts = new HashMap<>();
        handles.forEach(h -> counts.merge(h.asText(), 1, Integer::sum));
        return counts;
    }
}
