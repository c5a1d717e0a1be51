package dev.ferry.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.FerryEvent;
import dev.ferry.events.command.ApprovePlan;
import dev.ferry.notifier.SampleEvents;
import dev.ferry.notifier.domain.Actions;
import dev.ferry.notifier.domain.EventKinds;
import dev.ferry.notifier.domain.Notification;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind renders to a message with a header, a status and a link; the right ones carry buttons. */
class MessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Links links = new Links("https://executor.example", "https://planner.example/");
    private final MessageComposer composer = new MessageComposer(new MigrationMessages(links), new PlanMessages(links));

    private Notification render(FerryEvent event) {
        return composer.compose(CloudEvent.of("e-1", "/ferry/test", event, Instant.now()))
                .orElseThrow();
    }

    private static JsonNode json(Notification n) {
        return JSON.valueToTree(n.message());
    }

    @Test
    void everyKnownKindHasASampleAndRendersWithHeaderStatusAndLink() {
        Map<String, FerryEvent> samples = SampleEvents.all("plan-1", "mig-1");
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(EventKinds.ALL);
        samples.forEach((kind, event) -> {
            Notification n = render(event);
            assertThat(n.kind()).isEqualTo(kind);
            JsonNode message = json(n);
            assertThat(message.path("text").asText()).as(kind).isNotBlank();
            JsonNode blocks = message.path("blocks");
            assertThat(blocks.get(0).path("type").asText()).as(kind).isEqualTo("header");
            assertThat(blocks.get(0).path("text").path("text").asText().length())
                    .isLessThanOrEqualTo(150);
            String all = message.toString();
            assertThat(all).as(kind).contains("*Status*").doesNotContain("`null`");
            JsonNode context = blocks.get(blocks.size() - 1);
            assertThat(context.path("type").asText()).as(kind).isEqualTo("context");
            assertThat(context.toString())
                    .as(kind)
                    .contains(
                            kind.startsWith("plan-")
                                    ? "https://planner.example/api/plans/plan-1"
                                    : "https://executor.example/api/migrations/mig-1");
        });
    }

    @Test
    void aProposedPlanHasApproveAndRejectButtonsNamingTheVersion() {
        JsonNode message = json(render(SampleEvents.all("plan-9", "m").get("plan-proposed")));
        JsonNode actions = actions(message);
        assertThat(actions.path("elements")).hasSize(2);
        assertThat(actions.path("elements").get(0).path("action_id").asText()).isEqualTo(Actions.APPROVE_PLAN);
        assertThat(actions.path("elements").get(0).path("style").asText()).isEqualTo("primary");
        assertThat(actions.path("elements").get(1).path("action_id").asText()).isEqualTo(Actions.REJECT_PLAN);
        JsonNode value =
                Actions.read(actions.path("elements").get(0).path("value").asText());
        assertThat(value.path("planId").asText()).isEqualTo("plan-9");
        assertThat(value.path("version").asInt()).isEqualTo(2);
        assertThat(message.toString()).contains("production", "Supersedes", "v1", "(approval)");
    }

    @Test
    void aFailedStepHasARetryButtonAndAGateAnApproveButton() {
        Map<String, FerryEvent> samples = SampleEvents.all("p", "mig-7");
        JsonNode failed = json(render(samples.get("step-failed")));
        JsonNode retry = actions(failed).path("elements").get(0);
        assertThat(retry.path("action_id").asText()).isEqualTo(Actions.RETRY_STEP);
        assertThat(Actions.read(retry.path("value").asText()).path("stepId").asText())
                .isEqualTo("db:orders");
        assertThat(failed.toString()).contains("failed (attempt 2)", "5.3 s", "Aptible answered 503 &lt;busy&gt;");

        JsonNode gate = json(render(samples.get("gate-opened")));
        JsonNode approve = actions(gate).path("elements").get(0);
        assertThat(approve.path("action_id").asText()).isEqualTo(Actions.APPROVE_GATE);
        JsonNode value = Actions.read(approve.path("value").asText());
        assertThat(value.path("migrationId").asText()).isEqualTo("mig-7");
        assertThat(value.path("stepId").asText()).isEqualTo("cutover:dns");
        assertThat(gate.toString()).contains("Check the smoke tests");
    }

    @Test
    void outcomesCarryDurationAndSummary() {
        Map<String, FerryEvent> samples = SampleEvents.all("p", "m");
        assertThat(json(render(samples.get("step-succeeded"))).toString())
                .contains("*Duration*", "1.2 s", "Created app shop-web (id 42)");
        assertThat(json(render(samples.get("migration-completed"))).toString()).contains("1 min 5 s");
        assertThat(json(render(samples.get("migration-cancelled"))).toString()).contains("erin", "wrong window");
    }

    @Test
    void quietKindsKeepOnlyHeaderAndContext() {
        Notification n = render(SampleEvents.all("p", "m").get("step-failed")).compact();
        JsonNode blocks = json(n).path("blocks");
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(1).path("type").asText()).isEqualTo("context");
    }

    @Test
    void noisyKindsAreOptInAndCommandsAreNeverAnnounced() {
        assertThat(EventKinds.DEFAULT).doesNotContain("step-progress", "operation-recorded", "step-started");
        assertThat(EventKinds.DEFAULT).contains("gate-opened", "step-failed", "plan-proposed", "migration-rolled-back");
        assertThat(composer.compose(CloudEvent.of(
                        "c",
                        "/ferry/test",
                        new ApprovePlan("p", 1, "bob", "rest", null, Instant.now()),
                        Instant.now())))
                .isEmpty();
    }

    private static JsonNode actions(JsonNode message) {
        for (JsonNode block : message.path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                return block;
            }
        }
        throw new AssertionError("no actions block in " + message);
    }
}
