package dev.ferry.planner.domain.render;

import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.StepView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plan's steps looked up by id, app and type, built once so rendering a large plan stays linear. */
final class PlanIndex {
    private final PlanDocument plan;
    private final Map<String, StepView> byId = new LinkedHashMap<>();
    private final Map<String, List<StepView>> byAppAndType = new HashMap<>();
    private final Map<String, List<StepView>> byType = new HashMap<>();
    private final List<String> apps;

    PlanIndex(PlanDocument plan) {
        this.plan = plan;
        for (StepView step : plan.steps()) {
            byId.put(step.id(), step);
            byType.computeIfAbsent(step.type(), t -> new ArrayList<>()).add(step);
            if (step.app() != null) {
                byAppAndType
                        .computeIfAbsent(step.app() + "\n" + step.type(), k -> new ArrayList<>())
                        .add(step);
            }
        }
        this.apps = plan.apps();
    }

    PlanDocument plan() {
        return plan;
    }

    Optional<StepView> step(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<StepView> stepsOf(String app, String type) {
        return byAppAndType.getOrDefault(app + "\n" + type, List.of());
    }

    List<StepView> stepsOfType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    List<String> apps() {
        return apps;
    }

    boolean hasApp(String app) {
        return byId.containsKey("app:" + app);
    }
}
