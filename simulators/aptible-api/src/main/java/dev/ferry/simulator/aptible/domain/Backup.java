package dev.ferry.simulator.aptible.domain;

import java.time.Instant;

/** A manual or automatic backup of a database, made by a backup operation. */
public record Backup(
        long id,
        long accountId,
        long databaseId,
        String databaseHandle,
        int sizeGb,
        boolean manual,
        long operationId,
        Instant createdAt) {}
