package dev.ferry.executor.service;

import io.smallrye.mutiny.Uni;

/**
 * Which migrations this instance may move: only those whose events it consumes (its Kafka partitions
 * of ferry.migrations), so two instances never run the same migration.
 */
public interface Ownership {

    boolean owns(String migrationId);

    /**
     * Completes with true once everything appended to the migration's log so far has been projected
     * here, so a decision taken from a fresh load sees it; false if that does not happen soon.
     */
    Uni<Boolean> caughtUp(String migrationId);
}
