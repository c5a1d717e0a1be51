package dev.ferry.planner.domain;

import dev.ferry.events.plan.PlanStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Orders a plan's steps so each comes after its dependencies, keeping the rules' order where the
 * graph allows (a stable topological sort), and refuses a graph with a missing dependency or a cycle.
 */
public final class PlanGraph {
    private PlanGraph() {}

    public static List<PlanStep> order(List<PlanStep> steps) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (index.put(steps.get(i).id(), i) != null) {
                throw new IllegalStateException("Step " + steps.get(i).id() + " appears twice");
            }
        }
        int[] waiting = new int[steps.size()];
        List<List<Integer>> dependents = new ArrayList<>();
        steps.forEach(s -> dependents.add(new ArrayList<>()));
        for (int i = 0; i < steps.size(); i++) {
            for (String dependency : steps.get(i).dependsOn()) {
                Integer d = index.get(dependency);
                if (d == null) {
                    throw new IllegalStateException(
                            "Step " + steps.get(i).id() + " depends on " + dependency + ", which is not in the plan");
                }
                waiting[i]++;
                dependents.get(d).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < steps.size(); i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<PlanStep> ordered = new ArrayList<>(steps.size());
        while (!ready.isEmpty()) {
            int next = ready.poll();
            ordered.add(steps.get(next));
            for (int dependent : dependents.get(next)) {
                if (--waiting[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (ordered.size() != steps.size()) {
            throw new IllegalStateException("The plan's steps form a cycle");
        }
        return List.copyOf(ordered);
    }
}
