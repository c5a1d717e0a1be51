package dev.ferry.inventory.drift;

import dev.ferry.events.Nullable;
import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.Domain;
import dev.ferry.events.inventory.ProcessType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an app that drift is measured on, with no secret in it: config var names only.
 *
 * @param formation process type to {@code <quantity> x <size>}
 * @param addons add-on name to its service and plan
 * @param domains hostnames; null when the snapshot did not read domains (then they are not compared)
 */
public record AppShape(
        String name,
        @Nullable String stack,
        Map<String, String> formation,
        List<String> configVarNames,
        Map<String, AddonShape> addons,
        @Nullable List<String> domains) {

    /** An add-on's service and plan. */
    public record AddonShape(String service, String plan) {}

    /** The shape of a discovered app. */
    public static AppShape of(AppInventory app) {
        Map<String, String> formation = new TreeMap<>();
        for (ProcessType p : app.formation()) {
            formation.put(p.type(), dynos(p.quantity(), p.size()));
        }
        Map<String, AddonShape> addons = new TreeMap<>();
        for (AddOn a : app.addons()) {
            addons.put(a.name(), new AddonShape(a.service(), a.plan()));
        }
        return new AppShape(
                app.name(),
                app.stack(),
                formation,
                app.configVars().stream().map(ConfigVar::name).sorted().toList(),
                addons,
                app.domains() == null
                        ? null
                        : app.domains().stream().map(Domain::hostname).sorted().toList());
    }

    static String dynos(int quantity, String size) {
        return quantity + " x " + size;
    }
}
