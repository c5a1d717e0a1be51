package dev.ferry.demo;

import java.time.Duration;
import java.util.List;

/**
 * What one run of the flow produced.
 *
 * @param migrationStatus {@code completed} or {@code failed}
 * @param slackMessages messages on the Slack receiver that mention the migration
 * @param wallTime from just before the discovery request to the receipt of the last of those
 *     messages
 * @param milestones when each stage finished, measured from the discovery request
 */
public record DemoResult(
        String discoveryId,
        String planId,
        int planVersion,
        String environment,
        String migrationId,
        String migrationStatus,
        List<PlannedStep> planSteps,
        List<StepResult> steps,
        int slackMessages,
        Duration wallTime,
        List<Milestone> milestones) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public DemoResult {
        planSteps = List.copyOf(planSteps);
        steps = List.copyOf(steps);
        milestones = List.copyOf(milestones);
    }

    /** True when every step of the migration succeeded. */
    public boolean succeeded() {
        return COMPLETED.equals(migrationStatus);
    }

    /** A stage that finished {@code at} after the discovery request. */
    public record Milestone(String name, Duration at) {}
}
