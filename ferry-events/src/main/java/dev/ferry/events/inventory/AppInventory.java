package dev.ferry.events.inventory;

import java.util.List;

/**
 * Everything the planner needs to know about one Heroku app.
 *
 * @param stack e.g. {@code heroku-24}
 * @param formation one entry per process type, including {@code release}
 * @param configVars names with sealed values
 */
public record AppInventory(
        String id,
        String name,
        String region,
        String stack,
        List<ProcessType> formation,
        List<ConfigVar> configVars,
        List<AddOn> addons) {}
