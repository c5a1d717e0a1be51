package dev.ferry.executor.step;

import dev.ferry.events.plan.PlanStep;
import java.util.Map;

/**
 * What a step runs with.
 *
 * @param outputs the outputs of the steps that already succeeded, by step id
 */
public record StepContext(
        String migrationId, String environment, PlanStep step, Map<String, Map<String, String>> outputs) {

    /** A required parameter of the step. */
    public String parameter(String name) {
        String value = step.parameters().get(name);
        if (value == null || value.isBlank()) {
            throw new StepException("Step " + step.id() + " lacks the parameter '" + name + "'", false);
        }
        return value;
    }
}
