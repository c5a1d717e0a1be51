package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.planner.domain.PlannerSettings;
import java.util.List;
import java.util.Optional;

/** Helpers for reading plans in rule tests. */
final class Plans {
    private Plans() {}

    static PlanProposed plan(EstateDiscovered estate) {
        return PlanRules.propose(estate, PlanRules.ACCOUNT_SCOPE, PlannerSettings.defaults(), 1, null);
    }

    static PlanStep step(PlanProposed plan, String id) {
        return find(plan, id)
                .orElseThrow(() -> new AssertionError("no step " + id + " in "
                        + plan.steps().stream().map(PlanStep::id).toList()));
    }

    static Optional<PlanStep> find(PlanProposed plan, String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    static List<PlanStep> ofType(PlanProposed plan, String type) {
        return plan.steps().stream().filter(s -> s.type().equals(type)).toList();
    }
}
