package dev.ferry.executor.step;

import dev.ferry.events.plan.PlanStep;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the engine's journal in handler tests: keeps what a step recorded, and builds the context
 * of the step's next attempt or of its compensation the way the engine would from the events.
 */
final class RecordingJournal implements OperationJournal {
    final Map<String, String> recorded = new ConcurrentHashMap<>();
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> record(String stepId, String operationType, String operationId, String resource) {
        recorded.put(operationType, operationId);
        lines.add(stepId + " " + operationType + " " + operationId + " " + resource);
        return Uni.createFrom().voidItem();
    }

    /** The context of the next attempt: what earlier attempts recorded, and the outputs so far. */
    StepContext context(String environment, PlanStep step, Map<String, Map<String, String>> outputs) {
        return new StepContext("m-test", environment, step, outputs, Map.copyOf(recorded), this);
    }

    StepContext context(String environment, PlanStep step) {
        return context(environment, step, Map.of());
    }
}
