package dev.ferry.executor.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A migration as its events left it, and the decision of what to do next: run the first step whose
 * dependencies all succeeded, complete when every step has, or wait.
 */
public record Migration(
        String id,
        String planId,
        int planVersion,
        String environment,
        String status,
        Instant startedAt,
        List<Step> steps) {
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** One step's state. */
    public record Step(
            String id, String type, String status, int attempts, List<String> dependsOn, Map<String, String> outputs) {
        public static final String PENDING = "pending";
        public static final String SUCCEEDED = "succeeded";

        boolean done() {
            return status.equals(SUCCEEDED);
        }
    }

    /** What the runner should do now. */
    public sealed interface Decision permits RunStep, Complete, Wait {}

    /** Run this step as the given attempt. */
    public record RunStep(Step step, int attempt) implements Decision {}

    /** Every step succeeded. */
    public record Complete(int stepCount) implements Decision {}

    /** Nothing to do: the migration ended. */
    public record Wait(String why) implements Decision {}

    public Decision decide() {
        if (!status.equals(RUNNING)) {
            return new Wait("migration is " + status);
        }
        Set<String> succeeded = steps.stream().filter(Step::done).map(Step::id).collect(Collectors.toSet());
        if (succeeded.size() == steps.size()) {
            return new Complete(steps.size());
        }
        Optional<Step> next = steps.stream()
                .filter(s -> !s.done() && succeeded.containsAll(s.dependsOn()))
                .findFirst();
        return next.<Decision>map(s -> new RunStep(s, s.attempts() + 1))
                .orElseGet(() -> new Wait("no step has all its dependencies satisfied"));
    }

    /** Outputs of the steps that succeeded, by step id. */
    public Map<String, Map<String, String>> outputs() {
        return steps.stream().filter(Step::done).collect(Collectors.toMap(Step::id, Step::outputs));
    }
}
