package dev.ferry.executor.service;

/**
 * Which migrations this instance may move: only those whose events it consumes (its Kafka partitions
 * of ferry.migrations), so two instances never run the same migration.
 */
public interface Ownership {

    boolean owns(String migrationId);
}
