package dev.ferry.executor.step;

import io.smallrye.mutiny.Uni;

/**
 * Brings the target to the state one plan step describes. Every handler is an "ensure": it looks for
 * what exists first, creates only what is missing, and verifies the result, so running it twice is safe.
 */
public interface StepHandler {

    /** The plan step type this handler runs, e.g. {@code ensure-app}. */
    String type();

    Uni<StepOutcome> ensure(StepContext context);
}
