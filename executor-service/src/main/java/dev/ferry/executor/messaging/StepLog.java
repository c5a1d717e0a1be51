package dev.ferry.executor.messaging;

import dev.ferry.events.migration.CompensationFailed;
import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepRetried;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a step's events into the log lines people read: what the engine did, retries and errors.
 * Built only from event fields that carry no secret values (names, ids, summaries, error texts).
 */
final class StepLog {
    private StepLog() {}

    /** One line of a step's log. */
    record Line(Instant at, String line) {}

    /** The step an event is about, if any. */
    static Optional<String> stepOf(MigrationEvent event) {
        if (event instanceof StepStarted e) {
            return Optional.of(e.stepId());
        } else if (event instanceof StepSucceeded e) {
            return Optional.of(e.stepId());
        } else if (event instanceof StepFailed e) {
            return Optional.of(e.stepId());
        } else if (event instanceof OperationRecorded e) {
            return Optional.of(e.stepId());
        } else if (event instanceof GateOpened e) {
            return Optional.of(e.stepId());
        } else if (event instanceof GateApproved e) {
            return Optional.of(e.stepId());
        } else if (event instanceof StepRetried e) {
            return Optional.of(e.stepId());
        } else if (event instanceof StepProgress e) {
            return Optional.of(e.stepId());
        } else if (event instanceof StepCompensated e) {
            return Optional.of(e.stepId());
        } else if (event instanceof CompensationFailed e) {
            return Optional.of(e.stepId());
        }
        return Optional.empty();
    }

    /** The log line of a step event; progress is kept as the step's latest progress instead. */
    static Optional<Line> of(MigrationEvent event) {
        if (event instanceof StepStarted e) {
            return line(e.startedAt(), "Attempt " + e.attempt() + " started");
        } else if (event instanceof StepSucceeded e) {
            return line(e.completedAt(), "Succeeded in " + e.durationMs() + " ms: " + e.summary());
        } else if (event instanceof StepFailed e) {
            return line(
                    e.failedAt(),
                    "Attempt " + e.attempt() + " failed after " + e.durationMs() + " ms: " + e.error()
                            + (e.retryAt() == null ? "; no retry left" : "; next attempt at " + e.retryAt()));
        } else if (event instanceof OperationRecorded e) {
            return line(
                    e.at(), "Aptible " + e.operationType() + " operation " + e.operationId() + " on " + e.resource());
        } else if (event instanceof GateOpened e) {
            return line(e.openedAt(), "Waiting for a person (" + e.gate() + "): " + e.instructions());
        } else if (event instanceof GateApproved e) {
            return line(
                    e.approvedAt(),
                    "Approved by " + e.approvedBy() + " via " + e.via()
                            + (e.comment() == null ? "" : ": " + e.comment()));
        } else if (event instanceof StepRetried e) {
            return line(e.at(), "Retry requested by " + e.by() + " via " + e.via());
        } else if (event instanceof StepCompensated e) {
            return line(e.at(), "Undone: " + e.summary());
        } else if (event instanceof CompensationFailed e) {
            return line(
                    e.failedAt(),
                    "Undo attempt " + e.attempt() + " failed: " + e.error()
                            + (e.retryAt() == null ? "; rollback needs a person" : "; next attempt at " + e.retryAt()));
        }
        return Optional.empty();
    }

    private static Optional<Line> line(Instant at, String text) {
        return Optional.of(new Line(at, text));
    }
}
