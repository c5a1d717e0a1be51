package dev.ferry.planner.domain;

import dev.ferry.events.plan.FidelityItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two versions of a plan: steps added, removed and changed (field by field,
 * secrets by fingerprint), and fidelity items that appeared or went away.
 */
public record PlanDiff(
        String planId,
        int from,
        int to,
        String fromHash,
        String toHash,
        List<String> addedSteps,
        List<String> removedSteps,
        List<StepChange> changedSteps,
        List<FidelityItem> fidelityAdded,
        List<FidelityItem> fidelityRemoved) {

    /** A step present in both versions whose fields differ. */
    public record StepChange(String id, List<FieldChange> fields) {}

    /** One differing field, e.g. {@code parameters.containerCount}: {@code 2} to {@code 3}. */
    public record FieldChange(String field, String before, String after) {}

    public static PlanDiff between(PlanDocument from, PlanDocument to) {
        Map<String, StepView> before = byId(from.steps());
        Map<String, StepView> after = byId(to.steps());
        List<String> added = after.keySet().stream()
                .filter(id -> !before.containsKey(id))
                .sorted()
                .toList();
        List<String> removed = before.keySet().stream()
                .filter(id -> !after.containsKey(id))
                .sorted()
                .toList();
        List<StepChange> changed = new ArrayList<>();
        for (String id : new TreeSet<>(before.keySet())) {
            if (after.containsKey(id)) {
                List<FieldChange> fields = fields(before.get(id), after.get(id));
                if (!fields.isEmpty()) {
                    changed.add(new StepChange(id, fields));
                }
            }
        }
        List<FidelityItem> fidelityAdded =
                to.fidelity().stream().filter(f -> !from.fidelity().contains(f)).toList();
        List<FidelityItem> fidelityRemoved =
                from.fidelity().stream().filter(f -> !to.fidelity().contains(f)).toList();
        return new PlanDiff(
                to.planId(),
                from.version(),
                to.version(),
                from.planHash(),
                to.planHash(),
                added,
                removed,
                changed,
                fidelityAdded,
                fidelityRemoved);
    }

    private static Map<String, StepView> byId(List<StepView> steps) {
        Map<String, StepView> map = new LinkedHashMap<>();
        steps.forEach(s -> map.put(s.id(), s));
        return map;
    }

    private static List<FieldChange> fields(StepView a, StepView b) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "type", a.type(), b.type());
        compare(changes, "title", a.title(), b.title());
        compare(changes, "reason", a.reason(), b.reason());
        compare(changes, "dependsOn", a.dependsOn(), b.dependsOn());
        compareMaps(changes, "parameters.", a.parameters(), b.parameters());
        compareMaps(changes, "secrets.", a.secrets(), b.secrets());
        compare(changes, "wave", a.wave(), b.wave());
        compare(changes, "gate", a.gate(), b.gate());
        compare(changes, "waitSeconds", a.waitSeconds(), b.waitSeconds());
        compare(changes, "timeoutSeconds", a.timeoutSeconds(), b.timeoutSeconds());
        compare(changes, "pointOfNoReturn", a.pointOfNoReturn(), b.pointOfNoReturn());
        compare(changes, "needsReview", a.needsReview(), b.needsReview());
        return changes;
    }

    private static void compareMaps(
            List<FieldChange> changes, String prefix, Map<String, String> a, Map<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        Map<String, String> left = new TreeMap<>(a);
        Map<String, String> right = new TreeMap<>(b);
        keys.forEach(k -> compare(changes, prefix + k, left.get(k), right.get(k)));
    }

    private static void compare(List<FieldChange> changes, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changes.add(new FieldChange(field, a == null ? null : a.toString(), b == null ? null : b.toString()));
        }
    }
}
