package dev.ferry.executor.service;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.step.OperationJournal;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepHandler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Checks a plan against the target without changing anything: every step's handler says what would
 * stop it (handles taken, versions missing, permissions), one step after the other.
 */
@ApplicationScoped
public class DryRun {
    private static final Duration PER_STEP = Duration.ofSeconds(30);

    private final MigrationStore store;
    private final StepAttempts attempts;

    public DryRun(MigrationStore store, StepAttempts attempts) {
        this.store = store;
        this.attempts = attempts;
    }

    /** What one step's check found. */
    public record StepCheck(String stepId, String type, List<String> problems) {}

    /** The result: {@code ok} when no step found a problem. */
    public record Report(String planId, int version, boolean ok, int problemCount, List<StepCheck> steps) {}

    public Uni<Report> check(String planId, int version) {
        return store.plan(planId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No plan with id " + planId))
                .flatMap(plan -> {
                    if (plan.version != version) {
                        return Uni.createFrom()
                                .failure(ProblemException.conflict("Plan " + planId + " is at version " + plan.version
                                        + "; only the latest version can be checked, not " + version));
                    }
                    String dryRunId = "dry-run:" + planId + ":" + version;
                    return Multi.createFrom()
                            .iterable(MigrationStore.steps(plan))
                            .onItem()
                            .transformToUniAndConcatenate(step -> check(dryRunId, plan.environment, step))
                            .collect()
                            .asList()
                            .map(checks -> new Report(
                                    planId,
                                    version,
                                    checks.stream().allMatch(c -> c.problems().isEmpty()),
                                    checks.stream()
                                            .mapToInt(c -> c.problems().size())
                                            .sum(),
                                    checks));
                });
    }

    private Uni<StepCheck> check(String dryRunId, String environment, PlanStep step) {
        StepHandler handler = attempts.handler(step.type());
        if (handler == null) {
            return Uni.createFrom()
                    .item(new StepCheck(step.id(), step.type(), List.of("No handler for step type " + step.type())));
        }
        StepContext context = new StepContext(dryRunId, environment, step, Map.of(), Map.of(), OperationJournal.NONE);
        return Uni.createFrom()
                .deferred(() -> handler.dryRun(context))
                .ifNoItem()
                .after(PER_STEP)
                .fail()
                .onFailure()
                .recoverWithItem(failure -> List.of("The check could not finish: " + message(failure)))
                .map(problems -> new StepCheck(step.id(), step.type(), List.copyOf(problems)));
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
