package dev.ferry.executor.step;

import io.smallrye.mutiny.Uni;

/**
 * Records an Aptible operation a step started before the step waits on it, so a restart polls that
 * operation instead of starting a second one.
 */
@FunctionalInterface
public interface OperationJournal {

    /** Does nothing; for dry runs and unit tests. */
    OperationJournal NONE =
            (stepId, operationType, operationId, resource) -> Uni.createFrom().voidItem();

    Uni<Void> record(String stepId, String operationType, String operationId, String resource);
}
