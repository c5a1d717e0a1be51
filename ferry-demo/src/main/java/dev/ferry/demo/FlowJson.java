package dev.ferry.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Reads the services' JSON answers into what the demo needs; tolerant of fields it does not use. */
public final class FlowJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FlowJson() {}

    /** A plan as listed by the planner. */
    public record PlanRef(
            String id, int version, String discoveryId, String environment, String status, String requestedBy) {}

    /** A migration as the executor reports it. */
    public record MigrationSnapshot(String id, String planId, int planVersion, String status, List<StepResult> steps) {
        public MigrationSnapshot {
            steps = List.copyOf(steps);
        }

        /** True once the migration completed or failed. */
        public boolean finished() {
            return DemoResult.COMPLETED.equals(status) || DemoResult.FAILED.equals(status);
        }
    }

    /** The Slack messages that mention something, and when the last of them arrived. */
    public record SlackTally(int count, Optional<Instant> lastReceivedAt, List<String> texts) {
        public SlackTally {
            texts = List.copyOf(texts);
        }

        /**
         * True once the message saying the migration ended arrived: a channel's messages arrive in
         * the order of the migration's events, so every earlier one is in too.
         */
        public boolean ended() {
            return texts.stream().anyMatch(t -> t.contains("Migration completed") || t.contains("Migration failed"));
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a body, failing with the start of it when it is not JSON. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.missingNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DemoException("Expected JSON but got: " + abbreviate(body, 200));
        }
    }

    /** JSON text of a small object, such as a request body. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value, e);
        }
    }

    /** The id in the inventory's 202 answer to {@code POST /api/discoveries}. */
    public static String discoveryId(JsonNode accepted) {
        String id = text(accepted, "discoveryId");
        if (id == null) {
            id = text(accepted, "id");
        }
        if (id == null) {
            throw new DemoException("The discovery answer has no discoveryId: " + abbreviate(accepted.toString(), 200));
        }
        return id;
    }

    /** The discovery's status from {@code GET /api/discoveries/{id}} ({@code {discovery:{status}}}). */
    public static String discoveryStatus(JsonNode detail) {
        JsonNode discovery = detail.has("discovery") ? detail.get("discovery") : detail;
        return text(discovery, "status");
    }

    /** Why the discovery failed, if it says. */
    public static String discoveryFailure(JsonNode detail) {
        JsonNode discovery = detail.has("discovery") ? detail.get("discovery") : detail;
        return text(discovery, "failureReason");
    }

    /** Names of the apps a discovery found. */
    public static List<String> discoveredApps(JsonNode detail) {
        List<String> names = new ArrayList<>();
        for (JsonNode app : iterable(detail.path("apps"))) {
            String name = text(app, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** The newest plan proposed for a discovery, from {@code GET /api/plans} (newest first). */
    public static Optional<PlanRef> planForDiscovery(JsonNode plans, String discoveryId) {
        for (JsonNode plan : iterable(plans)) {
            if (discoveryId.equals(text(plan, "discoveryId"))) {
                return Optional.of(planRef(plan));
            }
        }
        return Optional.empty();
    }

    /** The plan summary from {@code GET /api/plans/{id}} ({@code {plan:{...}, steps:[...]}}). */
    public static PlanRef plan(JsonNode detail) {
        return planRef(detail.has("plan") ? detail.get("plan") : detail);
    }

    /** The steps of a plan, in the planner's order. */
    public static List<PlannedStep> planSteps(JsonNode detail) {
        List<PlannedStep> steps = new ArrayList<>();
        for (JsonNode step : iterable(detail.path("steps"))) {
            List<String> secretNames = new ArrayList<>();
            step.path("secrets").fieldNames().forEachRemaining(secretNames::add);
            steps.add(new PlannedStep(
                    text(step, "id"),
                    text(step, "type"),
                    text(step, "title"),
                    text(step, "reason"),
                    strings(step.path("dependsOn")),
                    secretNames));
        }
        return steps;
    }

    /** A migration from {@code GET /api/migrations/{id}} ({@code {migration:{...}, steps:[...]}}). */
    public static MigrationSnapshot migration(JsonNode detail) {
        JsonNode migration = detail.has("migration") ? detail.get("migration") : detail;
        JsonNode stepsNode = detail.has("steps") ? detail.get("steps") : migration.path("steps");
        List<StepResult> steps = new ArrayList<>();
        for (JsonNode step : iterable(stepsNode)) {
            String id = text(step, "stepId");
            steps.add(new StepResult(
                    id != null ? id : text(step, "id"),
                    step.has("stepType") ? text(step, "stepType") : text(step, "type"),
                    text(step, "status"),
                    step.path("attempts").asInt(0),
                    step.hasNonNull("durationMs") ? step.get("durationMs").asLong() : null,
                    text(step, "summary"),
                    text(step, "error"),
                    text(step, "gate"),
                    step.path("approval").isObject()));
        }
        return new MigrationSnapshot(
                text(migration, "id"),
                text(migration, "planId"),
                migration.path("planVersion").asInt(0),
                text(migration, "status"),
                steps);
    }

    /** A step waiting for a person (an approval or a manual task) and what it asks them to do. */
    public record OpenGate(String stepId, String gate, String instructions) {}

    /** The steps of a migration detail whose gate waits for a person. */
    public static List<OpenGate> openGates(JsonNode detail) {
        JsonNode stepsNode = detail.has("steps")
                ? detail.get("steps")
                : detail.path("migration").path("steps");
        List<OpenGate> gates = new ArrayList<>();
        for (JsonNode step : iterable(stepsNode)) {
            if ("awaiting-approval".equals(text(step, "status"))) {
                gates.add(new OpenGate(text(step, "stepId"), text(step, "gate"), text(step, "gateInstructions")));
            }
        }
        return gates;
    }

    /** The migration the executor started for a plan version, from {@code GET /api/migrations}. */
    public static Optional<String> migrationIdForPlan(JsonNode migrations, String planId, int version) {
        for (JsonNode m : iterable(migrations)) {
            if (planId.equals(text(m, "planId"))
                    && (version == 0 || m.path("planVersion").asInt(version) == version)) {
                return Optional.ofNullable(text(m, "id"));
            }
        }
        return Optional.empty();
    }

    /**
     * The receiver's messages ({@code GET /_receiver/messages}) whose payload mentions {@code
     * needle}, e.g. a migration id.
     */
    public static SlackTally slackTally(JsonNode messages, String needle) {
        int count = 0;
        Instant last = null;
        List<String> texts = new ArrayList<>();
        for (JsonNode message : iterable(messages)) {
            JsonNode payload = message.path("payload");
            if (!payload.toString().contains(needle)) {
                continue;
            }
            count++;
            texts.add(payload.path("text").asText(""));
            Instant received = instant(text(message, "receivedAt"));
            if (received != null && (last == null || received.isAfter(last))) {
                last = received;
            }
        }
        return new SlackTally(count, Optional.ofNullable(last), texts);
    }

    /**
     * The fewest Slack messages about a finished migration the default subscription gets: one when
     * it started, one per step that succeeded or finally failed, one per gate a person was asked to
     * open and one per approval, and one when it ended. Each failed attempt that was retried adds one.
     */
    public static int expectedSlackMessages(MigrationSnapshot migration) {
        int messages = 2;
        for (StepResult step : migration.steps()) {
            messages += step.finished() ? 1 : 0;
            messages += step.personGate() ? 1 : 0;
            messages += step.gateApproved() ? 1 : 0;
        }
        return messages;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String abbreviate(String s, int max) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static PlanRef planRef(JsonNode plan) {
        return new PlanRef(
                text(plan, "id"),
                plan.path("version").asInt(0),
                text(plan, "discoveryId"),
                text(plan, "environment"),
                text(plan, "status"),
                text(plan, "requestedBy"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : iterable(array)) {
            values.add(v.asText());
        }
        return values;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        return () -> {
            Iterator<JsonNode> it = node.elements();
            return it;
        };
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
