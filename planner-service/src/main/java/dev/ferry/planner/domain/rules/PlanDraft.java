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
    private final java.util.Map<String, List<String>> idsByAppAndType = new java.util.HashMap<>();
    private final java.util.Map<String, List<String>> drainsByEnvironment = new java.util.HashMap<>();

    /** Adds a step; a second step with the same id is a rule bug. */
    public Step add(Step step) {
        if (steps.putIfAbsent(step.id(), step) != null) {
            throw new IllegalStateException("Two rules produced step " + step.id());
        }
        index(step);
        return step;
    }

    private void index(Step step) {
        if (step.app() != null) {
            idsByAppAndType
                    .computeIfAbsent(step.app() + "\n" + step.type(), k -> new ArrayList<>())
                    .add(step.id());
        }
        if (step.type().equals(StepTypes.ENSURE_LOG_DRAIN)) {
            drainsByEnvironment
                    .computeIfAbsent(step.parameters().get("environment"), k -> new ArrayList<>())
                    .add(step.id());
        }
    }

    /** Ids of an app's steps of a type, in the order they were added. */
    public List<String> idsOf(String app, String type) {
        return idsByAppAndType.getOrDefault(app + "\n" + type, List.of());
    }

    /** Ids of the log drains of an environment, in the order they were added. */
    public List<String> drainsOf(String environment) {
        return drainsByEnvironment.getOrDefault(environment, List.of());
    }

    /** Adds the step unless one with its id exists; returns whichever is in the plan. */
    public Step addOnce(Step step) {
        Step existing = steps.get(step.id());
        if (existing != null) {
            return existing;
        }
        return add(step);
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
