package dev.ferry.planner.domain.rules;

import dev.ferry.events.plan.FidelityItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The steps and fidelity items rules have produced so far, in the order rules added them; shared
 * resources (an environment, a database two apps use) are added once.
 */
public final class PlanDraft {
    private final LinkedHashMap<String, Step> steps = new LinkedHashMap<>();
    private final List<FidelityItem> fidelity = new ArrayList<>();

    /** Adds a step; a second step with the same id is a rule bug. */
    public Step add(Step step) {
        if (steps.putIfAbsent(step.id(), step) != null) {
            throw new IllegalStateException("Two rules produced step " + step.id());
        }
        return step;
    }

    /** Adds the step unless one with its id exists; returns whichever is in the plan. */
    public Step addOnce(Step step) {
        return steps.computeIfAbsent(step.id(), id -> step);
    }

    public boolean has(String id) {
        return steps.containsKey(id);
    }

    public Optional<Step> find(String id) {
        return Optional.ofNullable(steps.get(id));
    }

    public Collection<Step> steps() {
        return steps.values();
    }

    /** Records how one Heroku feature of an app maps: {@code full}, {@code partial} or {@code none}. */
    public void fidelity(String app, String feature, String mapping, String note) {
        fidelity.add(new FidelityItem(app, feature, mapping, note));
    }

    public List<FidelityItem> fidelity() {
        return fidelity;
    }
}
