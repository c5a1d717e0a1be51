package dev.ferry.executor.data;

import dev.ferry.events.migration.StepProgress;

/**
 * Where long data steps report how far they are; the step engine appends these to the event log.
 * Called from copy threads, so implementations must be thread-safe and must not block for long.
 */
@FunctionalInterface
public interface ProgressSink {
    void progress(StepProgress progress);
}
