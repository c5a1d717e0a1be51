package dev.ferry.planner.domain;

import dev.ferry.events.plan.FidelityItem;
import dev.ferry.events.plan.PlanProposed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a plan as the planner stores and shows it: the proposal with secrets reduced to
 * fingerprints. Files, the runbook and diffs are rendered from it, so they follow the plan exactly.
 */
public record PlanDocument(
        String planId,
        int version,
        String discoveryId,
        String environment,
        String requestedBy,
        boolean production,
        String planHash,
        Integer supersedesVersion,
        Instant proposedAt,
        List<StepView> steps,
        List<FidelityItem> fidelity) {

    public static PlanDocument of(PlanProposed proposed) {
        return new PlanDocument(
                proposed.planId(),
                proposed.version(),
                proposed.discoveryId(),
                proposed.environment(),
                proposed.requestedBy(),
                Boolean.TRUE.equals(proposed.production()),
                proposed.planHash(),
                proposed.supersedesVersion(),
                proposed.proposedAt(),
                proposed.steps().stream().map(StepView::of).toList(),
                proposed.fidelity() == null ? List.of() : proposed.fidelity());
    }

    public Optional<StepView> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The Heroku apps the plan moves, sorted. */
    public List<String> apps() {
        return steps.stream()
                .filter(s -> s.type().equals("ensure-app"))
                .map(s -> s.parameters().get("app"))
                .sorted()
                .toList();
    }

    public List<StepView> stepsOf(String app, String type) {
        return steps.stream()
                .filter(s -> app.equals(s.app()) && s.type().equals(type))
                .toList();
    }

    public List<StepView> stepsOfType(String type) {
        return steps.stream().filter(s -> s.type().equals(type)).toList();
    }
}
