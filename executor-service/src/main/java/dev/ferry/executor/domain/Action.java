package dev.ferry.executor.domain;

/** What the engine should do next for a migration, as the aggregate decided from its state. */
public sealed interface Action {

    /**
     * Run a step's handler as this attempt.
     *
     * @param announce append {@code StepStarted} first; false when the attempt already started (a timed
     *     wait that has ended)
     * @param waitOnly the step waits: announce it and let the clock do the rest
     */
    record Execute(StepState step, int attempt, boolean announce, boolean waitOnly) implements Action {}

    /** Ask a person: append {@code GateOpened}. */
    record OpenGate(StepState step) implements Action {}

    /** Undo a succeeded step during rollback, as this attempt. */
    record Compensate(StepState step, int attempt) implements Action {}

    /** Every step succeeded. */
    record Complete(int stepCount) implements Action {}

    /** A step failed for good: the migration fails. */
    record Fail(StepState step, String reason) implements Action {}

    /** Every compensation succeeded. */
    record FinishRollback() implements Action {}
}
