package dev.ferry.planner.domain;

import dev.ferry.events.plan.PlanStep;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A plan step as people see it: secret inputs by name and fingerprint only. */
public record StepView(
        String id,
        String type,
        String title,
        String reason,
        List<String> dependsOn,
        Map<String, String> parameters,
        Map<String, String> secrets) {

    public static StepView of(PlanStep step) {
        Map<String, String> fingerprints = new TreeMap<>();
        step.secrets().forEach((name, secret) -> fingerprints.put(name, secret.fingerprint()));
        return new StepView(
                step.id(),
                step.type(),
                step.title(),
                step.reason(),
                step.dependsOn(),
                new TreeMap<>(step.parameters()),
                fingerprints);
    }
}
