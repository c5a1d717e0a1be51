package dev.ferry.executor.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepHeartbeat;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.messaging.PartitionOwnership;
import dev.ferry.executor.messaging.PlansConsumer;
import dev.ferry.oidc.OidcIssuer;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.LocalKafka;
import dev.ferry.testkit.LocalPostgres;
import dev.ferry.testkit.QuarkusApp;
import dev.ferry.testkit.Tokens;
import java.io.IOException;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several executor instances at once: two packaged executors (same Kafka, same database, own HTTP
 * ports, own static group member ids) run four 30-step migrations ({@link CrashPlan}, each in its own
 * environment, each copying two real databases) whose ids land on partitions of ferry.migrations both
 * instances hold, while one instance at a time is killed with SIGKILL at random moments and restarted,
 * either at once (it gets its partitions back through static membership) or only after its session
 * timed out (its partitions move to the other instance, and back when it returns). Every incarnation
 * of an instance runs with its own {@code ferry.service} ({@code executor-a0}, {@code executor-a1},
 * ...), which the executor writes as the CloudEvents source of each event it appends: the bench
 * attributes every step attempt to the process that ran it from the log alone. Run with
 * {@code bench/executor-instances.sh}.
 */
class ExecutorInstancesBench {
    private static final List<String> SLOTS = List.of("a", "b");
    private static final int SESSION_TIMEOUT_MS = 10_000;

    /** One executor process: its slot, its incarnation name (also its event source) and its lifetime. */
    private static final class Incarnation {
        final String slot;
        final String name;
        final QuarkusApp app;
        final Instant started;
        volatile Instant killed;

        Incarnation(String slot, String name, QuarkusApp app, Instant started) {
            this.slot = slot;
            this.name = name;
            this.app = app;
            this.started = started;
        }

        boolean aliveAt(Instant t) {
            return killed == null || killed.isAfter(t);
        }
    }

    @Test
    void instancesShareTheWorkWithoutRunningAStepTwice() throws Exception {
        int migrations = Integer.getInteger("instances.migrations", 4);
        int kills = Integer.getInteger("instances.kills", 8);
        long seed = Long.getLong("instances.seed", System.nanoTime());
        int orders = Integer.getInteger("instances.rows", 150_000);
        int minDelayMs = Integer.getInteger("instances.min-delay-ms", 4_000);
        int maxDelayMs = Integer.getInteger("instances.max-delay-ms", 12_000);
        // executor.steps.parallelism: with the default 4, a kill while 4 steps of one migration run leaves 4
        // steps "running" in the log, which fill the bound, so no other process ever takes them over.
        String parallelism = System.getProperty("instances.parallelism", "16");
        Random random = new Random(seed);
        Path work = Path.of("target", "instances").toAbsolutePath();
        Path logs = work.resolve("logs");
        long began = System.nanoTime();
        deleteTree(logs);
        // Every child process started here is stopped at the end, also when the run fails half-way.
        List<Incarnation> all = new ArrayList<>();
        List<QuarkusApp> others = new ArrayList<>();
        try (LocalKafka kafka = LocalKafka.start(work.resolve("kafka"));
                LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"));
                OidcIssuer issuer = OidcIssuer.start(
                        0,
                        "ferry-api",
                        List.of(new OidcIssuer.User(
                                ExecutorCrashBench.USER,
                                ExecutorCrashBench.USER + "-pw",
                                Set.of("viewer", "operator", "approver"))))) {
            postgres.createDatabase("ferry_executor");
            SourceDatabases data = new SourceDatabases(postgres);
            long seeding = System.nanoTime();
            Map<String, String> sources = new LinkedHashMap<>();
            Map<String, Map<String, String>> sourcePrints = new LinkedHashMap<>();
            for (String handle : List.of("crash-db-0", "crash-db-1")) {
                String name = "heroku_" + handle.replace('-', '_');
                sources.put(handle, data.create(name, orders));
                sourcePrints.put(handle, data.fingerprint(name));
            }
            long seedMs = Duration.ofNanos(System.nanoTime() - seeding).toMillis();

            QuarkusApp aptible = QuarkusApp.start(
                    "aptible-api",
                    snapshot(QuarkusApp.jarOf("simulators/aptible-api"), work.resolve("aptible-app")),
                    ExecutorCrashBench.aptibleProps(postgres),
                    logs);
            others.add(aptible);
            Map<String, String> common = ExecutorCrashBench.executorProps(kafka, postgres, aptible, issuer);
            common.put("executor.steps.parallelism", parallelism);
            // A private copy of the packaged executor: other builds may repackage the module while this runs,
            // and a restart must not find a half-written quarkus-app.
            Path jar = snapshot(QuarkusApp.jarOf("executor-service"), work.resolve("executor-app"));
            Map<String, Integer> incarnations = new HashMap<>();
            Map<String, Incarnation> live = new LinkedHashMap<>();
            for (String slot : SLOTS) {
                Incarnation i = startInstance(slot, incarnations, common, jar, logs);
                live.put(slot, i);
                all.add(i);
            }
            Map<String, String> ownershipAtStart = awaitOwnership(live, Duration.ofSeconds(60));

            String token = Tokens.fetch(issuer.issuer(), ExecutorCrashBench.USER, 6 * 3600);
            ExecutorApi api = new ExecutorApi(token);

            // Migration ids spread over the partitions: half on 0-2, half on 3-5 (the range assignor
            // gives each of two instances one half), distinct partitions while there are enough.
            int partitionCount = Topics.ALL.stream()
                    .filter(t -> t.name().equals(Topics.MIGRATIONS))
                    .findFirst()
                    .orElseThrow()
                    .partitions();
            List<String> planIds = planIds(migrations, partitionCount);
            Map<String, String> envOf = new LinkedHashMap<>();
            Map<String, Integer> partitionOf = new LinkedHashMap<>();
            Map<String, List<PlanStep>> stepsOf = new LinkedHashMap<>();
            // target database handle -> the source it copies, per migration: every environment uses the
            // same handles (db-0, db-1), so a copy that looked its target up by handle alone would hit
            // Aptible's 409 for a handle found in several environments
            Map<String, Map<String, String>> targetsOf = new LinkedHashMap<>();
            EventProbe probe = new EventProbe(kafka.bootstrapServers());
            for (int k = 0; k < planIds.size(); k++) {
                String planId = planIds.get(k);
                String env = "inst-env-" + k;
                Map<String, String> targets = new LinkedHashMap<>();
                Map<String, String> mySources = new LinkedHashMap<>();
                for (var source : sources.entrySet()) {
                    String target = source.getKey().substring("crash-".length());
                    targets.put(target, source.getKey());
                    mySources.put(target, source.getValue());
                }
                List<PlanStep> steps = CrashPlan.steps(env, mySources, ExecutorCrashBench.BOX, "m" + k + "-app-");
                String migrationId = PlansConsumer.migrationId(planId, 1);
                targetsOf.put(migrationId, targets);
                envOf.put(migrationId, env);
                partitionOf.put(migrationId, PartitionOwnership.partitionOf(migrationId, partitionCount));
                stepsOf.put(migrationId, steps);
                probe.append(
                        EventIds.random(),
                        "/ferry/planner",
                        new PlanProposed(planId, 1, "d-" + planId, env, "alice", steps, Instant.now()));
                probe.append(
                        EventIds.random(), "/ferry/planner", new PlanApproved(planId, 1, "bob", null, Instant.now()));
            }
            long approved = System.nanoTime();

            List<String> moments = new ArrayList<>();
            int delayedRestarts = 0;
            for (int n = 1; n <= kills; n++) {
                long delay = minDelayMs + random.nextInt(Math.max(1, maxDelayMs - minDelayMs));
                Thread.sleep(delay);
                String slot = SLOTS.get(random.nextInt(SLOTS.size()));
                boolean late = random.nextBoolean();
                Incarnation victim = live.get(slot);
                Incarnation other = live.values().stream()
                        .filter(i -> !i.slot.equals(slot))
                        .findFirst()
                        .orElseThrow();
                List<String> running = new ArrayList<>();
                int succeeded = 0;
                int ended = 0;
                for (String id : envOf.keySet()) {
                    JsonNode m = api.migration(other.app.url(), id);
                    running.addAll(ExecutorApi.running(m).stream()
                            .map(r -> shortId(id) + ":" + r)
                            .toList());
                    succeeded += ExecutorApi.count(m, "succeeded");
                    String status =
                            m == null ? "" : m.path("migration").path("status").asText();
                    ended += status.equals("completed") || status.equals("failed") ? 1 : 0;
                }
                victim.app.kill();
                victim.killed = Instant.now();
                long downFor = 0;
                if (late) {
                    // Past the session timeout: the broker drops the member and the other instance takes
                    // its partitions; they move back when it returns.
                    downFor = SESSION_TIMEOUT_MS + 4_000;
                    Thread.sleep(downFor);
                    delayedRestarts++;
                }
                Incarnation next = startInstance(slot, incarnations, common, jar, logs);
                live.put(slot, next);
                all.add(next);
                moments.add(String.format(
                        "kill %2d after %5d ms: %s (%s), restarted %s as %s; before: %d/%d migrations ended,"
                                + " %d steps succeeded, running %s",
                        n,
                        delay,
                        victim.name,
                        "pid " + victim.app.pid(),
                        late ? "after " + downFor + " ms down" : "at once",
                        next.name,
                        ended,
                        envOf.size(),
                        succeeded,
                        running));
            }
            Map<String, String> finalStatus = new LinkedHashMap<>();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
            for (String id : envOf.keySet()) {
                String url = live.get(SLOTS.get(0)).app.url();
                Duration left = Duration.between(Instant.now(), deadline);
                finalStatus.put(id, api.awaitEnd(url, id, left.isNegative() ? Duration.ZERO : left));
            }
            long migrationMs = Duration.ofNanos(System.nanoTime() - approved).toMillis();

            // ---- the log: who ran what ------------------------------------------------------------
            Map<String, Incarnation> byName = all.stream().collect(Collectors.toMap(i -> i.name, i -> i));
            List<CloudEvent> events = probe.readAll(Topics.MIGRATIONS);
            List<String> notOnce = new ArrayList<>();
            List<String> concurrent = new ArrayList<>();
            List<String> takeoversWhileAlive = new ArrayList<>();
            List<String> foreignAfterDeath = new ArrayList<>();
            List<String> waitHandovers = new ArrayList<>();
            Map<String, Integer> startedBySlot = new TreeMap<>();
            Map<String, Integer> succeededBySlot = new TreeMap<>();
            Map<String, Integer> startedByIncarnation = new TreeMap<>();
            Map<String, Set<String>> migrationsBySlot = new TreeMap<>();
            long successRecords = 0;
            long distinctSuccessIds = 0;
            long attemptRecords = 0;
            long duplicateStartRecords = 0;
            int takeovers = 0;
            for (String id : envOf.keySet()) {
                List<CloudEvent> mine =
                        events.stream().filter(e -> e.subject().equals(id)).toList();
                Map<String, String> typeOf =
                        stepsOf.get(id).stream().collect(Collectors.toMap(PlanStep::id, PlanStep::type));
                for (PlanStep step : stepsOf.get(id)) {
                    List<CloudEvent> about = mine.stream()
                            .filter(e -> step.id().equals(stepIdOf(e)))
                            .toList();
                    Set<String> successIds = new java.util.HashSet<>();
                    Set<String> startIds = new java.util.HashSet<>();
                    String runner = null; // the process whose attempt is the latest started
                    boolean open = false; // whether that attempt has no outcome yet
                    for (CloudEvent e : about) {
                        String who = instanceOf(e);
                        String where = shortId(id) + "/" + step.id();
                        if (e.data() instanceof StepStarted s) {
                            attemptRecords++;
                            if (!successIds.isEmpty()) {
                                concurrent.add(where + ": attempt " + s.attempt() + " started by " + who
                                        + " after the step had succeeded");
                            }
                            if (!startIds.add(e.id())) {
                                duplicateStartRecords++;
                            }
                            startedByIncarnation.merge(who, 1, Integer::sum);
                            startedBySlot.merge(slotOf(who), 1, Integer::sum);
                            migrationsBySlot
                                    .computeIfAbsent(slotOf(who), k -> new java.util.TreeSet<>())
                                    .add(shortId(id));
                            if (runner != null && !runner.equals(who)) {
                                takeovers++;
                                Incarnation previous = byName.get(runner);
                                if (previous != null && previous.aliveAt(e.time())) {
                                    takeoversWhileAlive.add(where + " attempt " + s.attempt() + " by " + who
                                            + " while " + runner + " (its attempt "
                                            + (open ? "without an outcome" : "already ended") + ") was alive");
                                }
                            }
                            runner = who;
                            open = true;
                            continue;
                        }
                        if (e.data() instanceof StepSucceeded) {
                            successRecords++;
                            successIds.add(e.id());
                            succeededBySlot.merge(slotOf(who), 1, Integer::sum);
                        }
                        if (runner != null && !runner.equals(who)) {
                            Incarnation starter = byName.get(runner);
                            String what = where + ": " + kind(e) + " by " + who + " after " + runner
                                    + " started the current attempt";
                            if ("timed-wait".equals(typeOf.get(step.id()))) {
                                // the partition's new owner ends a wait another process started: the wait
                                // itself does nothing, so this is a hand-over, not a second run
                                waitHandovers.add(what);
                            } else if (starter != null && starter.aliveAt(e.time())) {
                                concurrent.add(what + " (" + runner + " still alive)");
                            } else if (!"timed-wait".equals(typeOf.get(step.id()))) {
                                foreignAfterDeath.add(what);
                            }
                        }
                        if (e.data() instanceof StepSucceeded || e.data() instanceof StepFailed) {
                            open = false;
                        }
                    }
                    distinctSuccessIds += successIds.size();
                    if (successIds.size() != 1) {
                        notOnce.add(shortId(id) + "/" + step.id() + "=" + successIds.size());
                    }
                }
            }

            // Attempts that outlived their process's hold on the migration (the hand-back case): an
            // outcome recorded by a process at a moment its own log says it no longer held the
            // migration's partition. The new owner must have waited for it instead of starting again.
            Map<String, java.util.NavigableMap<Instant, Set<Integer>>> held = new TreeMap<>();
            byName.values().forEach(i -> held.put(i.name, ownershipTimeline(i.app.log())));
            List<String> outlived = new ArrayList<>();
            long heartbeats = 0;
            long heartbeatsAfterRevocation = 0;
            for (CloudEvent e : events) {
                String id = e.subject();
                if (!envOf.containsKey(id)) {
                    continue;
                }
                var timeline = held.get(instanceOf(e));
                var entry = timeline == null ? null : timeline.floorEntry(e.time());
                boolean stillHeld = entry != null && entry.getValue().contains(partitionOf.get(id));
                if (e.data() instanceof StepHeartbeat) {
                    heartbeats++;
                    heartbeatsAfterRevocation += stillHeld ? 0 : 1;
                } else if ((e.data() instanceof StepSucceeded || e.data() instanceof StepFailed) && !stillHeld) {
                    outlived.add(shortId(id) + "/" + stepIdOf(e) + ": " + kind(e) + " by " + instanceOf(e)
                            + " after it lost partition " + partitionOf.get(id));
                }
            }

            // ---- Aptible and the data ---------------------------------------------------------
            JsonNode state = ExecutorApi.getJson(aptible.url() + "/_simulator/state");
            int duplicateResources = 0;
            List<String> resources = new ArrayList<>();
            List<String> resourceProblems = new ArrayList<>();
            Map<String, Integer> accounts =
                    ExecutorCrashBench.counts(state.path("accounts").path("handles"));
            for (var m : envOf.entrySet()) {
                String env = m.getValue();
                Set<String> handles = targetsOf.get(m.getKey()).keySet();
                Map<String, Integer> apps = ExecutorCrashBench.counts(
                        state.path("apps").path("by_account").path(env));
                Map<String, Integer> dbs = ExecutorCrashBench.counts(
                        state.path("databases").path("by_account").path(env));
                duplicateResources += ExecutorCrashBench.extra(apps) + ExecutorCrashBench.extra(dbs);
                resources.add(String.format(
                        "  %s: environments %d, apps %d (%d handles), databases %d (%d handles)",
                        env,
                        accounts.getOrDefault(env, 0),
                        ExecutorCrashBench.sum(apps),
                        apps.size(),
                        ExecutorCrashBench.sum(dbs),
                        dbs.size()));
                if (accounts.getOrDefault(env, 0) != 1
                        || apps.size() != CrashPlan.APPS
                        || ExecutorCrashBench.sum(apps) != CrashPlan.APPS
                        || !dbs.keySet().equals(handles)
                        || ExecutorCrashBench.sum(dbs) != sources.size()) {
                    resourceProblems.add(env);
                }
            }
            duplicateResources += ExecutorCrashBench.extra(accounts);
            JsonNode ops = state.path("operations").path("by_type");
            int configureOps = ops.path("configure").asInt();
            int provisionOps = ops.path("provision").asInt();
            List<String> backing = data.databasesNamed("aptible_db_");

            List<String> verification = new ArrayList<>();
            boolean allVerified = true;
            String readUrl = live.get(SLOTS.get(0)).app.url();
            for (String id : envOf.keySet()) {
                JsonNode end = api.migration(readUrl, id);
                for (var target : targetsOf.get(id).entrySet()) {
                    String handle = target.getKey();
                    String dbId = end == null
                            ? null
                            : ExecutorApi.step(end, "db:" + handle)
                                    .path("outputs")
                                    .path("databaseId")
                                    .asText(null);
                    Map<String, String> actual = dbId == null ? Map.of() : data.fingerprint("aptible_db_" + dbId);
                    boolean same = sourcePrints.get(target.getValue()).equals(actual);
                    allVerified &= same;
                    verification.add(String.format(
                            "  %s %s (aptible_db_%s, from %s): %s",
                            envOf.get(id),
                            handle,
                            dbId,
                            target.getValue(),
                            same
                                    ? "EQUAL to its source (" + SourceDatabases.rows(actual) + " rows)"
                                    : "DIFFERENT: target " + actual));
                }
            }

            List<String> ownershipAtEnd = new ArrayList<>();
            for (Incarnation i : live.values()) {
                ownershipAtEnd.add(i.name + " " + lastOwnership(i.app.log()));
            }
            List<String> placement = new ArrayList<>();
            envOf.keySet()
                    .forEach(id -> placement.add(shortId(id) + " (" + envOf.get(id) + ") partition "
                            + partitionOf.get(id) + ": " + finalStatus.get(id)));
            long totalMs = Duration.ofNanos(System.nanoTime() - began).toMillis();
            int stepsTotal = stepsOf.values().stream().mapToInt(List::size).sum();
            boolean completed = finalStatus.values().stream().allMatch("completed"::equals);

            String report = String.join(
                    "\n",
                    "== Executor instances test ==",
                    "instances: " + SLOTS.size() + " executor processes at once (same Kafka, same database, own HTTP"
                            + " ports, static member ids per instance); event source = incarnation name;"
                            + " executor.steps.parallelism=" + parallelism,
                    "plans: " + envOf.size() + " x "
                            + stepsOf.values().iterator().next().size()
                            + " steps (CrashPlan, one environment each, 2 real database copies each)",
                    "sources: 2 databases of " + SourceDatabases.rows(sourcePrints.get("crash-db-0"))
                            + " rows each, seeded in " + seedMs / 1000.0 + " s; seed " + seed,
                    "partitions at start: " + ownershipAtStart,
                    "migrations: " + String.join("; ", placement),
                    String.join("\n", moments),
                    "",
                    "instances:                       " + SLOTS.size() + " (" + all.size() + " processes in all)",
                    "migrations:                      " + envOf.size() + ", completed "
                            + finalStatus.values().stream()
                                    .filter("completed"::equals)
                                    .count() + "/" + envOf.size(),
                    "kills (SIGKILL):                 " + kills + " (" + (kills - delayedRestarts)
                            + " restarted at once, " + delayedRestarts + " restarted after the session timeout so"
                            + " the partitions moved)",
                    "steps succeeded exactly once:    " + (stepsTotal - notOnce.size()) + "/" + stepsTotal
                            + (notOnce.isEmpty() ? "" : " (not once: " + notOnce + ")"),
                    "step-succeeded records in log:   " + successRecords + " (distinct ids: " + distinctSuccessIds
                            + ")",
                    "attempts started:                " + attemptRecords + " records (" + duplicateStartRecords
                            + " repeating an id); by instance " + startedBySlot + "; by process "
                            + startedByIncarnation,
                    "steps succeeded per instance:    " + succeededBySlot,
                    "migrations each instance ran:    " + migrationsBySlot,
                    "attempts taken over by another process: " + takeovers + " (" + takeoversWhileAlive.size()
                            + " while the previous process was alive)",
                    "work on a step by a process other than the current attempt's while it was alive: "
                            + concurrent.size(),
                    "  " + String.join("\n  ", concurrent),
                    "step events by another process after the starter died (not timed waits): "
                            + foreignAfterDeath.size(),
                    "timed waits ended by another process than the one that started them: " + waitHandovers.size(),
                    "attempts that ended after their process lost the migration's partition (waited for): "
                            + outlived.size(),
                    "  " + String.join("\n  ", outlived),
                    "heartbeats in the log:           " + heartbeats + " (" + heartbeatsAfterRevocation
                            + " by a process that no longer held the migration's partition)",
                    "duplicates found:                "
                            + (concurrent.size()
                                    + duplicateStartRecords
                                    + (successRecords - distinctSuccessIds)
                                    + notOnce.size()),
                    "duplicate resources:             " + duplicateResources + "; provision operations "
                            + provisionOps + ", configure operations " + configureOps + "; backing databases "
                            + backing.size(),
                    String.join("\n", resources),
                    "data verified by the bench:      " + (allVerified ? "yes" : "NO")
                            + " (count and hash sum per table, sequence positions; source vs target)",
                    String.join("\n", verification),
                    "takeovers while the previous process was alive:",
                    "  " + String.join("\n  ", takeoversWhileAlive),
                    "partitions at the end: " + ownershipAtEnd,
                    "migration time (approval to end): " + migrationMs / 1000.0 + " s",
                    "total time:                      " + totalMs / 1000.0 + " s (with seeding and start-ups)");
            System.out.println(report);
            Path out = Path.of("target", "bench", "executor-instances.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + "\n");

            live.values().forEach(i -> i.app.close());
            aptible.close();
            assertThat(finalStatus)
                    .as("every migration completes")
                    .allSatisfy((id, s) -> assertThat(s).isEqualTo("completed"));
            assertThat(completed).isTrue();
            assertThat(notOnce).as("steps without exactly one success").isEmpty();
            assertThat(successRecords).isEqualTo(distinctSuccessIds);
            assertThat(concurrent).as("work by two live processes on one step").isEmpty();
            assertThat(duplicateStartRecords).isZero();
            assertThat(duplicateResources).isZero();
            assertThat(resourceProblems).isEmpty();
            assertThat(configureOps).isEqualTo(CrashPlan.APPS * envOf.size());
            assertThat(backing).hasSize(sources.size() * envOf.size());
            assertThat(allVerified).as("every copy equals its source").isTrue();
            assertThat(startedBySlot).as("both instances ran steps").hasSize(SLOTS.size());
        } finally {
            all.forEach(i -> i.app.kill());
            others.forEach(QuarkusApp::kill);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var old = Files.walk(dir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Incarnation startInstance(
            String slot, Map<String, Integer> incarnations, Map<String, String> common, Path jar, Path logs) {
        int n = incarnations.merge(slot, 1, Integer::sum) - 1;
        String name = "executor-" + slot + n;
        Map<String, String> props = new LinkedHashMap<>(common);
        // The executor writes /ferry/<ferry.service> as the source of every event it appends.
        props.put("ferry.service", name);
        for (String channel : List.of("plans-in", "migrations-in", "commands-in")) {
            props.put("mp.messaging.incoming." + channel + ".group.instance.id", "executor-" + slot + "-" + channel);
            props.put("mp.messaging.incoming." + channel + ".session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
        }
        QuarkusApp app = QuarkusApp.start(name, jar, props, logs);
        return new Incarnation(slot, name, app, Instant.now());
    }

    /** Copies the quarkus-app directory of a packaged jar to {@code target}; returns the copy's jar. */
    static Path snapshot(Path jar, Path target) throws IOException {
        Path app = jar.getParent();
        deleteTree(target);
        try (var files = Files.walk(app)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(app.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target.resolve(jar.getFileName().toString());
    }

    /** Waits until every instance logged a non-empty share of ferry.migrations. */
    private static Map<String, String> awaitOwnership(Map<String, Incarnation> live, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> owned = new LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            owned.clear();
            for (Incarnation i : live.values()) {
                owned.put(i.name, lastOwnership(i.app.log()));
            }
            if (owned.values().stream().noneMatch(s -> s.equals("[]") || s.equals("none"))) {
                Set<String> distinct = Set.copyOf(owned.values());
                if (distinct.size() == owned.size()) {
                    return owned;
                }
            }
            Thread.sleep(500);
        }
        return owned;
    }

    /**
     * When the process held which partitions, from its log's "Own partitions" and "now own" lines
     * (local time stamps, this machine's zone).
     */
    static java.util.NavigableMap<Instant, Set<Integer>> ownershipTimeline(Path log) {
        java.util.NavigableMap<Instant, Set<Integer>> timeline = new java.util.TreeMap<>();
        java.time.format.DateTimeFormatter format =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
        try {
            for (String line : Files.readAllLines(log)) {
                int own = line.indexOf("Own partitions [");
                int now = line.indexOf("now own [");
                int at = own >= 0 ? own + "Own partitions ".length() : now >= 0 ? now + "now own ".length() : -1;
                int close = at < 0 ? -1 : line.indexOf(']', at);
                if (close < 0 || line.length() < 23) {
                    continue;
                }
                Instant when = java.time.LocalDateTime.parse(line.substring(0, 23), format)
                        .atZone(java.time.ZoneId.systemDefault())
                        .toInstant();
                Set<Integer> partitions = new java.util.TreeSet<>();
                for (String p : line.substring(at + 1, close).split(",")) {
                    if (!p.isBlank()) {
                        partitions.add(Integer.parseInt(p.trim()));
                    }
                }
                timeline.put(when, partitions);
            }
        } catch (IOException | RuntimeException e) {
            return timeline;
        }
        return timeline;
    }

    /** The partitions the last "Own partitions"/"now own" line of a log names. */
    static String lastOwnership(Path log) {
        String last = "none";
        try {
            for (String line : Files.readAllLines(log)) {
                int own = line.indexOf("Own partitions ");
                int now = line.indexOf("now own ");
                int at = own >= 0 ? own + "Own partitions ".length() : now >= 0 ? now + "now own ".length() : -1;
                if (at >= 0) {
                    int close = line.indexOf(']', at);
                    if (close > at) {
                        last = line.substring(at, close + 1);
                    }
                }
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return last;
    }

    /** Plan ids whose migrations are spread over the topic's partitions, alternating halves. */
    static List<String> planIds(int count, int partitions) {
        List<String> ids = new ArrayList<>();
        Set<Integer> used = new java.util.HashSet<>();
        for (int n = 0; ids.size() < count && n < 100_000; n++) {
            String planId = "plan-inst-" + n;
            int p = PartitionOwnership.partitionOf(PlansConsumer.migrationId(planId, 1), partitions);
            boolean lowWanted = ids.size() % 2 == 0;
            boolean low = p < partitions / 2;
            boolean fresh = used.size() >= partitions || !used.contains(p);
            if (low == lowWanted && fresh) {
                ids.add(planId);
                used.add(p);
            }
        }
        return ids;
    }

    private static String stepIdOf(CloudEvent e) {
        if (e.data() instanceof StepStarted s) {
            return s.stepId();
        } else if (e.data() instanceof StepSucceeded s) {
            return s.stepId();
        } else if (e.data() instanceof StepFailed s) {
            return s.stepId();
        } else if (e.data() instanceof StepProgress s) {
            return s.stepId();
        } else if (e.data() instanceof OperationRecorded s) {
            return s.stepId();
        }
        return null;
    }

    private static String kind(CloudEvent e) {
        String type = e.type();
        int dot = type.lastIndexOf(".v");
        String base = dot > 0 ? type.substring(0, dot) : type;
        return base.substring(base.lastIndexOf('.') + 1);
    }

    /** {@code /ferry/executor-a1} to {@code executor-a1}. */
    private static String instanceOf(CloudEvent e) {
        return e.source().substring(e.source().lastIndexOf('/') + 1);
    }

    /** {@code executor-a1} to {@code a}. */
    private static String slotOf(String incarnation) {
        if (!incarnation.startsWith("executor-") || incarnation.length() < "executor-".length() + 1) {
            return incarnation;
        }
        return incarnation.substring("executor-".length(), "executor-".length() + 1);
    }

    private static String shortId(String migrationId) {
        return migrationId.length() <= 8 ? migrationId : migrationId.substring(0, 8);
    }
}
