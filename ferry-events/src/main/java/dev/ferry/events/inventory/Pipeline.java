package dev.ferry.events.inventory;

import java.util.List;

/** A pipeline and the apps coupled to it with their stages. */
public record Pipeline(String id, String name, List<Coupling> couplings) {

    /** One app in one stage. */
    public record Coupling(String app, String stage) {}
}
