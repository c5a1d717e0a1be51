package dev.ferry.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.EventIds;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs Ferry's flow over the services' HTTP APIs, as people would: the requester discovers and
 * follows, the approver approves the plan and the gates, each with their own bearer token from the
 * OIDC issuer; then it waits for the Slack messages about it. Prints what happens as it happens;
 * never prints secret values (plans show sealed inputs by name only) or tokens.
 */
public final class DemoDriver {
    private final DemoTargets targets;
    private final DemoOptions options;
    private final PrintStream out;
    private final DemoAuth auth;
    private final OidcTokens tokens;
    private final List<OidcTokens.Source> users;
    private final HttpApi http;
    private final HttpApi requester;
    private final HttpApi approver;
    private final java.util.Set<String> confirmedGates = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private String lastSeen = "nothing yet";
    private Instant started;

    public DemoDriver(DemoTargets targets, PrintStream out) {
        this(targets, DemoOptions.defaults(), DemoAuth.defaults(), out);
    }

    public DemoDriver(DemoTargets targets, DemoOptions options, DemoAuth auth, PrintStream out) {
        this.targets = targets;
        this.options = options;
        this.auth = auth;
        this.out = out;
        this.tokens = new OidcTokens(auth.issuer(), auth.clientId(), Duration.ofSeconds(15));
        // The simulators take no Ferry token: `http` alone reads the Slack receiver.
        this.http = new HttpApi(Duration.ofSeconds(3), Duration.ofSeconds(15));
        OidcTokens.Source requesterTokens = tokens.forUser(auth.requester());
        OidcTokens.Source approverTokens = tokens.forUser(auth.approver());
        this.users = List.of(requesterTokens, approverTokens);
        this.requester = http.as(requesterTokens);
        this.approver = http.as(approverTokens);
    }

    /**
     * Every bearer token the driver was given, so a test can search all outputs for them; never
     * print them.
     */
    public List<String> bearerTokens() {
        return tokens.issued();
    }

    /** Every distinct API answer this driver read, for tests that inspect them. */
    public List<HttpApi.Exchange> transcript() {
        return http.transcript();
    }

    /** The id the executor gives the migration of a plan version. */
    public static String migrationIdOf(String planId, int version) {
        return EventIds.derive("migration", planId, Integer.toString(version));
    }

    /**
     * Runs the whole flow. Returns when the migration finished (completed or failed) and its Slack
     * messages arrived; throws {@link DemoException} when a stage fails or a wait times out.
     */
    public DemoResult run() {
        List<DemoResult.Milestone> milestones = new ArrayList<>();
        String apps = String.join(", ", options.apps());

        out.printf(
                "    signing in at %s as %s (requester) and %s (approver)%n",
                auth.issuer(), auth.requester().username(), auth.approver().username());
        signIn();
        out.printf(
                "1/5 Discovering %s on Heroku (requested by %s)%n",
                apps, auth.requester().username());
        started = Instant.now();
        String discoveryId = startDiscovery();
        JsonNode discovery = awaitDiscovery(discoveryId);
        milestones.add(milestone("discovery completed"));
        out.printf(
                "    discovery %s completed after %s: found %s%n",
                discoveryId, Summary.human(since()), String.join(", ", FlowJson.discoveredApps(discovery)));

        out.printf("2/5 Waiting for the planner's proposal%n");
        FlowJson.PlanRef planRef = awaitPlan(discoveryId);
        JsonNode planDetail = awaitPlanDetail(planRef.id());
        FlowJson.PlanRef plan = FlowJson.plan(planDetail);
        List<PlannedStep> planSteps = FlowJson.planSteps(planDetail);
        milestones.add(milestone("plan proposed"));
        out.print(Summary.plan(plan, planSteps));

        out.printf(
                "3/5 Approving plan %s v%d as %s%n",
                plan.id(), plan.version(), auth.approver().username());
        approve(plan);
        milestones.add(milestone("plan approved"));

        String expectedId = migrationIdOf(plan.id(), plan.version());
        out.printf("4/5 Following migration %s%n", expectedId);
        FlowJson.MigrationSnapshot migration = followMigration(expectedId, plan);
        String migrationId = migration.id() == null ? expectedId : migration.id();
        milestones.add(milestone("migration " + migration.status()));
        out.printf("    migration %s %s after %s%n", migrationId, migration.status(), Summary.human(since()));

        int expected = FlowJson.expectedSlackMessages(migration);
        out.printf("5/5 Waiting for the %d Slack messages about the migration%n", expected);
        FlowJson.SlackTally slack = awaitSlack(migrationId, expected);
        Duration wall = slack.lastReceivedAt()
                .map(last -> Duration.between(started, last))
                .filter(d -> !d.isNegative())
                .orElseGet(this::since);
        milestones.add(new DemoResult.Milestone("last Slack message", wall));
        out.printf(
                "    %d Slack messages mention the migration; the last arrived %s after the discovery request%n",
                slack.count(), Summary.human(wall));

        return new DemoResult(
                discoveryId,
                plan.id(),
                plan.version(),
                plan.environment(),
                migrationId,
                migration.status(),
                planSteps,
                migration.steps(),
                slack.count(),
                wall,
                milestones);
    }

    /** Gets both users' first tokens up front, so a wrong issuer or password stops the demo at once. */
    private void signIn() {
        for (OidcTokens.Source user : users) {
            call(
                    () -> {
                        user.bearer();
                        return null;
                    },
                    "signing in as " + user.username() + " at " + auth.issuer());
        }
    }

    private String startDiscovery() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apps", options.apps());
        // Today's services still read the actor from the body; once they take it from the token they
        // ignore the field (it names the token's user anyway).
        body.put("requestedBy", auth.requester().username());
        URI uri = DemoTargets.at(targets.inventory(), "/api/discoveries");
        HttpApi.Response response = call(() -> requester.post(uri, FlowJson.write(body)), "POST " + uri);
        if (!response.ok()) {
            throw new DemoException("The inventory refused the discovery: HTTP " + response.status() + " "
                    + FlowJson.abbreviate(response.body(), 300));
        }
        return FlowJson.discoveryId(FlowJson.parse(response.body()));
    }

    private JsonNode awaitDiscovery(String discoveryId) {
        URI uri = DemoTargets.at(targets.inventory(), "/api/discoveries/" + segment(discoveryId));
        return await("discovery " + discoveryId + " to complete (" + uri + ")", () -> {
            HttpApi.Response r = requester.get(uri);
            if (!r.ok()) {
                return seen(r);
            }
            JsonNode detail = FlowJson.parse(r.body());
            String status = FlowJson.discoveryStatus(detail);
            lastSeen = "status " + status;
            if ("failed".equals(status)) {
                throw new DemoException("Discovery " + discoveryId + " failed: " + FlowJson.discoveryFailure(detail));
            }
            return "completed".equals(status) ? Optional.of(detail) : Optional.empty();
        });
    }

    private FlowJson.PlanRef awaitPlan(String discoveryId) {
        URI uri = DemoTargets.at(targets.planner(), "/api/plans");
        return await("a plan for discovery " + discoveryId + " (" + uri + ")", () -> {
            HttpApi.Response r = requester.get(uri);
            if (!r.ok()) {
                return seen(r);
            }
            JsonNode plans = FlowJson.parse(r.body());
            lastSeen = plans.size() + " plans, none for this discovery";
            return FlowJson.planForDiscovery(plans, discoveryId);
        });
    }

    private JsonNode awaitPlanDetail(String planId) {
        URI uri = DemoTargets.at(targets.planner(), "/api/plans/" + segment(planId));
        return await("the steps of plan " + planId + " (" + uri + ")", () -> {
            HttpApi.Response r = requester.get(uri);
            if (!r.ok()) {
                return seen(r);
            }
            JsonNode detail = FlowJson.parse(r.body());
            lastSeen = "a plan with " + detail.path("steps").size() + " steps";
            return detail.path("steps").size() > 0 ? Optional.of(detail) : Optional.empty();
        });
    }

    private void approve(FlowJson.PlanRef plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approvedBy", auth.approver().username()); // as requestedBy above
        body.put("version", plan.version());
        body.put("comment", "Reviewed the plan in the Ferry demo");
        URI uri = DemoTargets.at(targets.planner(), "/api/plans/" + segment(plan.id()) + "/approval");
        HttpApi.Response response = call(() -> approver.post(uri, FlowJson.write(body)), "POST " + uri);
        if (!response.ok()) {
            throw new DemoException("The planner refused the approval: HTTP " + response.status() + " "
                    + FlowJson.abbreviate(response.body(), 300));
        }
    }

    private FlowJson.MigrationSnapshot followMigration(String expectedId, FlowJson.PlanRef plan) {
        URI list = DemoTargets.at(targets.executor(), "/api/migrations");
        String[] id = {expectedId};
        Map<String, String> printed = new HashMap<>();
        return await("migration " + expectedId + " of plan " + plan.id() + " to finish (" + list + ")", () -> {
            HttpApi.Response r = requester.get(DemoTargets.at(list, "/" + segment(id[0])));
            if (r.status() == 404) {
                // Not started yet, or started under another id than the contract's derived one.
                HttpApi.Response all = requester.get(list);
                if (all.ok()) {
                    Optional<String> other =
                            FlowJson.migrationIdForPlan(FlowJson.parse(all.body()), plan.id(), plan.version());
                    if (other.isPresent() && !other.get().equals(id[0])) {
                        out.printf(
                                "    note: the executor lists migration %s for the plan (expected %s)%n",
                                other.get(), id[0]);
                        id[0] = other.get();
                    }
                }
                return seen(r);
            }
            if (!r.ok()) {
                return seen(r);
            }
            JsonNode detail = FlowJson.parse(r.body());
            FlowJson.MigrationSnapshot m = FlowJson.migration(detail);
            for (FlowJson.OpenGate gate : FlowJson.openGates(detail)) {
                confirmGate(id[0], gate);
            }
            for (StepResult step : m.steps()) {
                String before = printed.getOrDefault(step.stepId(), StepResult.PENDING);
                if (step.status() != null && !step.status().equals(before)) {
                    printed.put(step.stepId(), step.status());
                    out.println(Summary.stepLine(since(), step));
                }
            }
            long done = m.steps().stream().filter(StepResult::finished).count();
            lastSeen = "status " + m.status() + ", " + done + " of " + m.steps().size() + " steps finished";
            return m.finished() ? Optional.of(m) : Optional.empty();
        });
    }

    /**
     * Plays the people a migration waits for: prints what a gate asks and approves it as the approver,
     * as someone would once the task is done (the demo cannot change DNS or sign a BAA).
     */
    private void confirmGate(String migrationId, FlowJson.OpenGate gate) throws IOException {
        if (!confirmedGates.add(gate.stepId())) {
            return;
        }
        out.printf(
                "    %s  %s waits for a person (%s): %s%n",
                Summary.human(since()),
                gate.stepId(),
                gate.gate(),
                FlowJson.abbreviate(String.valueOf(gate.instructions()).replace('\n', ' '), 160));
        URI uri = DemoTargets.at(
                targets.executor(),
                "/api/migrations/" + segment(migrationId) + "/steps/" + segment(gate.stepId()) + "/approval");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("by", auth.approver().username()); // as requestedBy above
        body.put("comment", "done (confirmed by the demo driver)");
        HttpApi.Response response = approver.post(uri, FlowJson.write(body));
        if (!response.ok() && response.status() != 409) {
            throw new DemoException("Approving gate " + gate.stepId() + " answered " + response.status() + ": "
                    + FlowJson.abbreviate(response.body(), 300));
        }
        out.printf(
                "    %s  %s confirmed by %s%n",
                Summary.human(since()), gate.stepId(), auth.approver().username());
    }

    private FlowJson.SlackTally awaitSlack(String migrationId, int expected) {
        URI uri = DemoTargets.at(targets.slack(), "/_receiver/messages");
        return await(
                "the Slack message that migration " + migrationId + " ended, after at least " + expected + " about it ("
                        + uri + ")",
                () -> {
                    HttpApi.Response r = http.get(uri);
                    if (!r.ok()) {
                        return seen(r);
                    }
                    FlowJson.SlackTally tally = FlowJson.slackTally(FlowJson.parse(r.body()), migrationId);
                    lastSeen = tally.count() + " such messages";
                    return tally.count() >= expected && tally.ended() ? Optional.of(tally) : Optional.empty();
                });
    }

    /** A look at an API: a value when the wait is over, empty to look again. */
    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> look() throws IOException;
    }

    @FunctionalInterface
    private interface Call {
        HttpApi.Response send() throws IOException;
    }

    private <T> T await(String what, Probe<T> probe) {
        lastSeen = "nothing yet";
        Instant deadline = Instant.now().plus(options.waitTimeout());
        while (true) {
            try {
                Optional<T> value = probe.look();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (IOException e) {
                lastSeen = "no answer (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new DemoException("Timed out after " + Summary.human(options.waitTimeout()) + " waiting for "
                        + what + "; last saw: " + FlowJson.abbreviate(lastSeen, 400));
            }
            try {
                Thread.sleep(options.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("Interrupted while waiting for " + what, e);
            }
        }
    }

    private static HttpApi.Response call(Call call, String what) {
        try {
            return call.send();
        } catch (IOException e) {
            throw new DemoException(
                    what + " failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
    }

    private <T> Optional<T> seen(HttpApi.Response r) {
        lastSeen = "HTTP " + r.status() + " " + FlowJson.abbreviate(r.body(), 300);
        return Optional.empty();
    }

    private DemoResult.Milestone milestone(String name) {
        return new DemoResult.Milestone(name, since());
    }

    private Duration since() {
        return Duration.between(started, Instant.now());
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
