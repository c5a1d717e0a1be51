package dev.ferry.planner.domain;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.plan.RetryPolicy;
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
        Map<String, String> secrets,
        String app,
        Integer wave,
        String gate,
        Long waitSeconds,
        Integer timeoutSeconds,
        RetryPolicy retry,
        String verification,
        String compensation,
        Boolean pointOfNoReturn,
        String needsReview) {

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
                fingerprints,
                step.app(),
                step.wave(),
                step.gate(),
                step.waitSeconds(),
                step.timeoutSeconds(),
                step.retry(),
                step.verification(),
                step.compensation(),
                step.pointOfNoReturn(),
                step.needsReview());
    }
}
