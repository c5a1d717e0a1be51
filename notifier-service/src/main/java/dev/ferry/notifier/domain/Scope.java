package dev.ferry.notifier.domain;

import java.util.Set;

/**
 * What an event is about, for subscription filters: the migration, its environment and the Heroku
 * apps of its plan (read from the plan and migration events seen before).
 */
public record Scope(String migrationId, String planId, String environment, Set<String> apps) {
    public static Scope none() {
        return new Scope(null, null, null, Set.of());
    }
}
