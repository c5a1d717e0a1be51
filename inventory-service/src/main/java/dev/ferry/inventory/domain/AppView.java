package dev.ferry.inventory.domain;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ProcessType;
import java.util.List;

/** An app's inventory as people may see it: config var names and fingerprints, never values. */
public record AppView(
        String id,
        String name,
        String region,
        String stack,
        List<ProcessType> formation,
        List<ConfigVarView> configVars,
        List<AddOn> addons) {

    /** A config var without its value. */
    public record ConfigVarView(String name, String fingerprint) {}

    /** Drops the sealed values of an inventory. */
    public static AppView of(AppInventory app) {
        return new AppView(
                app.id(),
                app.name(),
                app.region(),
                app.stack(),
                app.formation(),
                app.configVars().stream()
                        .map(v -> new ConfigVarView(v.name(), v.value().fingerprint()))
                        .toList(),
                app.addons());
    }
}
