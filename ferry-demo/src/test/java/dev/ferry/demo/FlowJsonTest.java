package dev.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlowJsonTest {

    @Test
    void readsTheDiscoveryIdAndStatus() {
        assertThat(FlowJson.discoveryId(FlowJson.parse("{\"discoveryId\":\"d-1\",\"status\":\"started\",\"apps\":1}")))
                .isEqualTo("d-1");
        var detail = FlowJson.parse(
                "{\"discovery\":{\"id\":\"d-1\",\"status\":\"failed\",\"failureReason\":\"no such app\"},"
                        + "\"apps\":[{\"name\":\"acme-shop\"},{\"name\":\"acme-admin\"}]}");
        assertThat(FlowJson.discoveryStatus(detail)).isEqualTo("failed");
        assertThat(FlowJson.discoveryFailure(detail)).isEqualTo("no such app");
        assertThat(FlowJson.discoveredApps(detail)).containsExactly("acme-shop", "acme-admin");
    }

    @Test
    void aDiscoveryAnswerWithoutAnIdIsAnError() {
        assertThatThrownBy(() -> FlowJson.discoveryId(FlowJson.parse("{\"status\":\"started\"}")))
                .isInstanceOf(DemoException.class)
                .hasMessageContaining("no discoveryId");
    }

    @Test
    void malformedJsonSaysWhatCame() {
        assertThatThrownBy(() -> FlowJson.parse("<html>Bad gateway</html>"))
                .isInstanceOf(DemoException.class)
                .hasMessageContaining("<html>Bad gateway");
    }

    @Test
    void findsTheNewestPlanOfADiscovery() {
        var plans = FlowJson.parse("["
                + "{\"id\":\"p-3\",\"version\":1,\"discoveryId\":\"other\",\"environment\":\"x-production\"},"
                + "{\"id\":\"p-2\",\"version\":2,\"discoveryId\":\"d-1\",\"environment\":\"acme-production\","
                + "\"status\":\"proposed\",\"requestedBy\":\"alice\"},"
                + "{\"id\":\"p-1\",\"version\":1,\"discoveryId\":\"d-1\"}]");
        var plan = FlowJson.planForDiscovery(plans, "d-1").orElseThrow();
        assertThat(plan).isEqualTo(new FlowJson.PlanRef("p-2", 2, "d-1", "acme-production", "proposed", "alice"));
        assertThat(FlowJson.planForDiscovery(plans, "d-9")).isEmpty();
        assertThat(FlowJson.planForDiscovery(FlowJson.parse("{}"), "d-1")).isEmpty();
    }

    @Test
    void planStepsKeepSecretNamesButNotTheirFingerprints() {
        var detail = FlowJson.parse("{\"plan\":{\"id\":\"p-1\",\"version\":1},\"steps\":["
                + "{\"id\":\"environment:acme-production\",\"type\":\"ensure-environment\",\"title\":\"Create\","
                + "\"reason\":\"why\",\"dependsOn\":[],\"parameters\":{\"handle\":\"acme-production\"},\"secrets\":{}},"
                + "{\"id\":\"configure:acme-shop\",\"type\":\"configure-app\",\"title\":\"Configure\",\"reason\":\"r\","
                + "\"dependsOn\":[\"app:acme-shop\"],\"parameters\":{},"
                + "\"secrets\":{\"SECRET_KEY_BASE\":\"sha256:abc\",\"SENDGRID_API_KEY\":\"sha256:def\"}}]}");
        assertThat(FlowJson.plan(detail).id()).isEqualTo("p-1");
        var steps = FlowJson.planSteps(detail);
        assertThat(steps)
                .extracting(PlannedStep::id)
                .containsExactly("environment:acme-production", "configure:acme-shop");
        assertThat(steps.get(1).dependsOn()).containsExactly("app:acme-shop");
        assertThat(steps.get(1).secretNames()).containsExactly("SECRET_KEY_BASE", "SENDGRID_API_KEY");
        assertThat(steps.get(1).toString()).doesNotContain("sha256");
    }

    @Test
    void readsAMigrationWithItsSteps() {
        var m = FlowJson.migration(
                FlowJson.parse(
                        "{\"migration\":{\"id\":\"m-1\",\"planId\":\"p-1\",\"planVersion\":1,"
                                + "\"status\":\"running\"},\"steps\":["
                                + "{\"stepId\":\"environment:acme-production\",\"stepType\":\"ensure-environment\",\"status\":\"succeeded\","
                                + "\"attempts\":1,\"summary\":\"Created\",\"error\":null,\"durationMs\":812,\"outputs\":{\"id\":\"5\"}},"
                                + "{\"stepId\":\"app:acme-shop\",\"stepType\":\"ensure-app\",\"status\":\"running\",\"attempts\":1},"
                                + "{\"stepId\":\"configure:acme-shop\",\"stepType\":\"configure-app\",\"status\":\"pending\",\"attempts\":0}]}"));
        assertThat(m.id()).isEqualTo("m-1");
        assertThat(m.planVersion()).isEqualTo(1);
        assertThat(m.finished()).isFalse();
        assertThat(m.steps().get(0))
                .isEqualTo(new StepResult(
                        "environment:acme-production", "ensure-environment", "succeeded", 1, 812L, "Created", null));
        assertThat(m.steps().get(2).durationMs()).isNull();
        assertThat(m.steps()).filteredOn(StepResult::finished).hasSize(1);
    }

    @Test
    void expectsStartEndAndOneMessagePerFinishedStep() {
        var completed = new FlowJson.MigrationSnapshot(
                "m",
                "p",
                1,
                "completed",
                java.util.List.of(step("a", "succeeded"), step("b", "succeeded"), step("c", "succeeded")));
        var failed = new FlowJson.MigrationSnapshot(
                "m",
                "p",
                1,
                "failed",
                java.util.List.of(step("a", "succeeded"), step("b", "failed"), step("c", "pending")));
        assertThat(FlowJson.expectedSlackMessages(completed)).isEqualTo(5);
        assertThat(FlowJson.expectedSlackMessages(failed)).isEqualTo(4);
        var gatedAndRetried = new FlowJson.MigrationSnapshot(
                "m",
                "p",
                1,
                "completed",
                java.util.List.of(
                        new StepResult("dns", "manual-task", "succeeded", 1, 5L, null, null, "manual-task", true),
                        new StepResult("ttl", "timed-wait", "succeeded", 2, 5L, null, null, "timed-wait", false),
                        new StepResult("copy", "copy-postgres", "succeeded", 3, 9L, null, null)));
        // started + (gate opened, gate approved, success) + success + success + completed: a timed
        // wait asks nobody, and retried attempts are counted from the events, not from here.
        assertThat(FlowJson.expectedSlackMessages(gatedAndRetried)).isEqualTo(7);
        assertThat(failed.finished()).isTrue();
    }

    @Test
    void findsTheMigrationOfAPlanVersion() {
        var list = FlowJson.parse("[{\"id\":\"m-2\",\"planId\":\"p-1\",\"planVersion\":2},"
                + "{\"id\":\"m-1\",\"planId\":\"p-1\",\"planVersion\":1}]");
        assertThat(FlowJson.migrationIdForPlan(list, "p-1", 1)).contains("m-1");
        assertThat(FlowJson.migrationIdForPlan(list, "p-9", 1)).isEmpty();
    }

    @Test
    void countsSlackMessagesThatMentionTheMigration() {
        var messages = FlowJson.parse(
                "["
                        + "{\"sequence\":1,\"receivedAt\":\"2026-11-26T12:00:00.100Z\",\"payload\":{\"text\":\"Plan p-1 awaits approval\"}},"
                        + "{\"sequence\":2,\"receivedAt\":\"2026-11-26T12:00:03.500Z\",\"payload\":{\"text\":\"Step a succeeded\","
                        + "\"blocks\":[{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"Migration `m-1`\"}]}]}},"
                        + "{\"sequence\":3,\"receivedAt\":\"2026-11-26T12:00:02.000Z\",\"payload\":{\"text\":\"Migration m-1 started\"}},"
                        + "{\"sequence\":4,\"receivedAt\":\"not a time\",\"payload\":{\"text\":\":tada: Migration completed: m-1\"}}]");
        var tally = FlowJson.slackTally(messages, "m-1");
        assertThat(tally.count()).isEqualTo(3);
        assertThat(tally.lastReceivedAt()).contains(Instant.parse("2026-11-26T12:00:03.500Z"));
        assertThat(tally.texts())
                .containsExactly("Step a succeeded", "Migration m-1 started", ":tada: Migration completed: m-1");
        assertThat(tally.ended()).isTrue();
        assertThat(FlowJson.slackTally(messages, "Step a").ended()).isFalse();
        assertThat(FlowJson.slackTally(FlowJson.parse("[]"), "m-1").lastReceivedAt())
                .isEmpty();
    }

    private static StepResult step(String id, String status) {
        return new StepResult(id, "t", status, 1, 10L, null, null);
    }
}
