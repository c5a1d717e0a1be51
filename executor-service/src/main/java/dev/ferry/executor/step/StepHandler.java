package dev.ferry.executor.step;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * Brings the target to the state one plan step describes. Every handler is an "ensure": it looks for
 * what exists first, creates only what is missing, and verifies the result, so running it twice is safe.
 */
public interface StepHandler {

    /** The plan step type this handler runs, e.g. {@code ensure-app}. */
    String type();

    Uni<StepOutcome> ensure(StepContext context);

    /**
     * Undoes what {@link #ensure} did, for rollback; also idempotent. The default has nothing to undo.
     */
    default Uni<StepOutcome> compensate(StepContext context) {
        return Uni.createFrom()
                .item(new StepOutcome("Nothing to undo for " + context.step().id(), Map.of()));
    }

    /**
     * Checks, changing nothing, whether {@link #ensure} could succeed against the target (handles free,
     * versions available, permissions); returns the problems found, empty when none.
     */
    default Uni<List<String>> dryRun(StepContext context) {
        return Uni.createFrom().item(List.of());
    }
}
