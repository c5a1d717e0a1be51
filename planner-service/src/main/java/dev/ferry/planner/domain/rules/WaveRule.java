package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups apps into waves: apps that share an add-on or a pipeline move together, because their
 * databases and their staging and production apps are cut over as one. Waves are numbered from 1
 * in the order of their first app's name; within a wave, staging goes before production (the
 * cutover rule adds that dependency).
 */
public final class WaveRule {
    private WaveRule() {}

    static Map<String, Integer> assign(EstateContext context) {
        Map<String, String> parent = new TreeMap<>();
        List<AppInventory> apps = context.apps();
        apps.forEach(app -> parent.put(app.name(), app.name()));
        Map<String, String> firstByKey = new TreeMap<>();
        for (AppInventory app : apps) {
            for (String key : linkKeys(context, app)) {
                String other = firstByKey.putIfAbsent(key, app.name());
                if (other != null) {
                    union(parent, other, app.name());
                }
            }
        }
        Map<String, TreeSet<String>> components = new TreeMap<>();
        for (AppInventory app : apps) {
            components
                    .computeIfAbsent(find(parent, app.name()), r -> new TreeSet<>())
                    .add(app.name());
        }
        List<TreeSet<String>> ordered = new ArrayList<>(components.values());
        ordered.sort((a, b) -> a.first().compareTo(b.first()));
        Map<String, Integer> waves = new TreeMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            for (String app : ordered.get(i)) {
                waves.put(app, i + 1);
            }
        }
        return waves;
    }

    private static List<String> linkKeys(EstateContext context, AppInventory app) {
        List<String> keys = new ArrayList<>();
        for (AddOn addon : app.addons()) {
            keys.add("addon:" + addon.id());
            if (addon.attachedTo() != null) {
                addon.attachedTo().forEach(other -> keys.add("app:" + other));
            }
        }
        keys.add("app:" + app.name());
        context.pipelineId(app).ifPresent(id -> keys.add("pipeline:" + id));
        return keys;
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String node = x;
        while (!parent.get(node).equals(root)) {
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
