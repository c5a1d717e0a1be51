package dev.ferry.executor.domain;

import dev.ferry.events.Nullable;
import dev.ferry.events.plan.PlanStep;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a migration as its events left it: what the plan asked for (dependencies, gate, wait,
 * point of no return) and how far it got (status, attempts, gate approval, operations, compensation).
 *
 * @param retryBase attempts made before the last manual retry; the retry budget counts from here
 * @param successOrder when it succeeded relative to the other steps (1 = first), for rollback order
 * @param compensationAliveAt the last heartbeat of a compensation attempt still running somewhere
 */
public record StepState(
        String id,
        String type,
        List<String> dependsOn,
        @Nullable Gate gate,
        long waitSeconds,
        boolean pointOfNoReturn,
        String status,
        int attempts,
        int retryBase,
        @Nullable Instant retryAt,
        @Nullable Instant firstStartedAt,
        @Nullable Instant lastStartedAt,
        @Nullable Approval approval,
        @Nullable String summary,
        @Nullable String error,
        Map<String, String> outputs,
        Map<String, String> operations,
        int successOrder,
        int compensationAttempts,
        @Nullable Instant compensationRetryAt,
        boolean compensated,
        @Nullable Instant compensationAliveAt) {
    public static final String PENDING = "pending";
    public static final String AWAITING_APPROVAL = "awaiting-approval";
    public static final String RUNNING = "running";
    public static final String RETRYING = "retrying";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String COMPENSATED = "compensated";

    /** A person must act before the step runs: {@code approval} or {@code manual-task}, with what to do. */
    public record Gate(String kind, String instructions) {}

    /** Who opened the gate and how; {@code opened} is set when the gate was announced. */
    public record Approval(
            boolean opened,
            @Nullable String by,
            @Nullable String via,
            @Nullable Instant at) {
        static final Approval OPEN = new Approval(true, null, null, null);

        public boolean approved() {
            return by != null;
        }
    }

    /** A fresh step from its plan step. */
    public static StepState of(String id, @Nullable PlanStep plan) {
        if (plan == null) {
            return new Draft(id, "unknown", List.of(), null, 0, false).build();
        }
        long wait = isWait(plan) && plan.waitSeconds() != null ? Math.max(0, plan.waitSeconds()) : 0;
        return new Draft(
                        id,
                        plan.type(),
                        List.copyOf(plan.dependsOn()),
                        gateOf(plan),
                        wait,
                        Boolean.TRUE.equals(plan.pointOfNoReturn()))
                .build();
    }

    /**
     * The gate a plan step needs: its own gate, its type's (approval, manual task), or an approval when
     * the planner flagged it for review, so a step that needs review never runs unattended.
     */
    static @Nullable Gate gateOf(PlanStep plan) {
        String instructions = plan.parameters().getOrDefault("instructions", plan.title());
        String checklist = plan.parameters().get("checklist");
        if (checklist != null && !checklist.isBlank()) {
            instructions = instructions + "\nChecklist:\n" + checklist;
        }
        String kind = null;
        if ("manual-task".equals(plan.gate()) || "manual-task".equals(plan.type())) {
            kind = "manual-task";
        } else if ("approval".equals(plan.gate()) || "approval".equals(plan.type())) {
            kind = "approval";
        }
        if (plan.needsReview() != null && !plan.needsReview().isBlank()) {
            String review = "Review before this step runs: " + plan.needsReview();
            return new Gate(kind == null ? "approval" : kind, kind == null ? review : review + "\n" + instructions);
        }
        return kind == null ? null : new Gate(kind, instructions);
    }

    static boolean isWait(PlanStep plan) {
        return "timed-wait".equals(plan.type()) || "timed-wait".equals(plan.gate());
    }

    public boolean succeeded() {
        return status.equals(SUCCEEDED) || status.equals(COMPENSATED);
    }

    /** Failed for good: no retry is scheduled. */
    public boolean failedForGood() {
        return status.equals(FAILED);
    }

    public boolean gateSatisfied() {
        return gate == null || (approval != null && approval.approved());
    }

    /** When a timed wait ends, the wait scaled by {@code timeScale}; null when the step does not wait. */
    public @Nullable Instant waitUntil(double timeScale) {
        if (waitSeconds <= 0 || firstStartedAt == null) {
            return null;
        }
        return firstStartedAt.plusMillis(Math.round(waitSeconds * 1000 * timeScale));
    }

    Draft draft() {
        return new Draft(this);
    }

    /** A mutable copy used while evolving; the aggregate only ever hands out records. */
    static final class Draft {
        final String id;
        final String type;
        final List<String> dependsOn;
        final Gate gate;
        final long waitSeconds;
        final boolean pointOfNoReturn;
        String status = PENDING;
        int attempts;
        int retryBase;
        Instant retryAt;
        Instant firstStartedAt;
        Instant lastStartedAt;
        Approval approval;
        String summary;
        String error;
        Map<String, String> outputs = Map.of();
        Map<String, String> operations = Map.of();
        int successOrder;
        int compensationAttempts;
        Instant compensationRetryAt;
        boolean compensated;
        Instant compensationAliveAt;

        Draft(String id, String type, List<String> dependsOn, Gate gate, long waitSeconds, boolean pointOfNoReturn) {
            this.id = id;
            this.type = type;
            this.dependsOn = dependsOn;
            this.gate = gate;
            this.waitSeconds = waitSeconds;
            this.pointOfNoReturn = pointOfNoReturn;
        }

        Draft(StepState s) {
            this(s.id, s.type, s.dependsOn, s.gate, s.waitSeconds, s.pointOfNoReturn);
            status = s.status;
            attempts = s.attempts;
            retryBase = s.retryBase;
            retryAt = s.retryAt;
            firstStartedAt = s.firstStartedAt;
            lastStartedAt = s.lastStartedAt;
            approval = s.approval;
            summary = s.summary;
            error = s.error;
            outputs = s.outputs;
            operations = s.operations;
            successOrder = s.successOrder;
            compensationAttempts = s.compensationAttempts;
            compensationRetryAt = s.compensationRetryAt;
            compensated = s.compensated;
            compensationAliveAt = s.compensationAliveAt;
        }

        void operation(String type, String id) {
            Map<String, String> copy = new LinkedHashMap<>(operations);
            copy.put(type, id);
            operations = Map.copyOf(copy);
        }

        StepState build() {
            return new StepState(
                    id,
                    type,
                    dependsOn,
                    gate,
                    waitSeconds,
                    pointOfNoReturn,
                    status,
                    attempts,
                    retryBase,
                    retryAt,
                    firstStartedAt,
                    lastStartedAt,
                    approval,
                    summary,
                    error,
                    outputs,
                    operations,
                    successOrder,
                    compensationAttempts,
                    compensationRetryAt,
                    compensated,
                    compensationAliveAt);
        }
    }
}
