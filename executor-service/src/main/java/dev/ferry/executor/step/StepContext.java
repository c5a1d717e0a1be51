package dev.ferry.executor.step;

import dev.ferry.events.plan.PlanStep;
import java.util.Map;
import java.util.Optional;

/**
 * What a step runs with.
 *
 * @param outputs the outputs of the steps that already succeeded, by step id
 * @param operations the operations this step recorded in earlier attempts, operation type to id
 * @param journal where the step records an operation before it waits on it
 */
public record StepContext(
        String migrationId,
        String environment,
        PlanStep step,
        Map<String, Map<String, String>> outputs,
        Map<String, String> operations,
        OperationJournal journal) {

    /** A context without recorded operations. */
    public StepContext(
            String migrationId, String environment, PlanStep step, Map<String, Map<String, String>> outputs) {
        this(migrationId, environment, step, outputs, Map.of(), OperationJournal.NONE);
    }

    /** A required parameter of the step. */
    public String parameter(String name) {
        String value = step.parameters().get(name);
        if (value == null || value.isBlank()) {
            throw new StepException("Step " + step.id() + " lacks the parameter '" + name + "'", false);
        }
        return value;
    }

    /** The id of an operation of this type that an earlier attempt of this step started, if any. */
    public Optional<String> recordedOperation(String operationType) {
        return Optional.ofNullable(operations.get(operationType));
    }
}
