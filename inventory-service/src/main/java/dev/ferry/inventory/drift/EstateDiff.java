package dev.ferry.inventory.drift;

import dev.ferry.events.inventory.EstateDrifted.Change;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two snapshots of an estate: apps added and removed, and per app the
 * formation, config var names, add-ons and their plans, domains and stack. Pure, so it can be
 * table-tested; the order of its output is fixed (apps, then kinds, then names, sorted).
 */
public final class EstateDiff {
    private EstateDiff() {}

    /** The differences; {@link #isEmpty()} when nothing changed. */
    public record Drift(List<String> addedApps, List<String> removedApps, List<Change> changes) {
        public boolean isEmpty() {
            return addedApps.isEmpty() && removedApps.isEmpty() && changes.isEmpty();
        }
    }

    /** Compares {@code before} with {@code after}, matching apps by name. */
    public static Drift between(Collection<AppShape> before, Collection<AppShape> after) {
        Map<String, AppShape> old = byName(before);
        Map<String, AppShape> now = byName(after);
        List<String> added =
                now.keySet().stream().filter(n -> !old.containsKey(n)).toList();
        List<String> removed =
                old.keySet().stream().filter(n -> !now.containsKey(n)).toList();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, AppShape> e : now.entrySet()) {
            AppShape was = old.get(e.getKey());
            if (was != null) {
                changes.addAll(changes(was, e.getValue()));
            }
        }
        return new Drift(added, removed, List.copyOf(changes));
    }

    /** The changes of one app. */
    static List<Change> changes(AppShape was, AppShape is) {
        String app = is.name();
        List<Change> out = new ArrayList<>();
        for (String type : union(was.formation().keySet(), is.formation().keySet())) {
            String a = was.formation().getOrDefault(type, "none");
            String b = is.formation().getOrDefault(type, "none");
            if (!a.equals(b)) {
                out.add(new Change(app, "formation", type + ": " + a + " -> " + b));
            }
        }
        for (String name : is.configVarNames()) {
            if (!was.configVarNames().contains(name)) {
                out.add(new Change(app, "config-var-added", name));
            }
        }
        for (String name : was.configVarNames()) {
            if (!is.configVarNames().contains(name)) {
                out.add(new Change(app, "config-var-removed", name));
            }
        }
        for (String name : union(was.addons().keySet(), is.addons().keySet())) {
            AppShape.AddonShape a = was.addons().get(name);
            AppShape.AddonShape b = is.addons().get(name);
            if (a == null) {
                out.add(new Change(app, "addon-added", name + " (" + b.plan() + ")"));
            } else if (b == null) {
                out.add(new Change(app, "addon-removed", name + " (" + a.plan() + ")"));
            } else if (!Objects.equals(a.plan(), b.plan())) {
                out.add(new Change(app, "addon-plan", name + ": " + a.plan() + " -> " + b.plan()));
            }
        }
        if (was.domains() != null && is.domains() != null) {
            for (String host : union(was.domains(), is.domains())) {
                boolean before = was.domains().contains(host);
                boolean after = is.domains().contains(host);
                if (before != after) {
                    out.add(new Change(app, "domain", (after ? "added " : "removed ") + host));
                }
            }
        }
        if (!Objects.equals(was.stack(), is.stack())) {
            out.add(new Change(app, "stack", was.stack() + " -> " + is.stack()));
        }
        return out;
    }

    private static Map<String, AppShape> byName(Collection<AppShape> apps) {
        Map<String, AppShape> map = new TreeMap<>();
        apps.forEach(a -> map.put(a.name(), a));
        return map;
    }

    private static TreeSet<String> union(Collection<String> a, Collection<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
