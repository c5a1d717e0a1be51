package dev.ferry.simulator.aptible.domain;

import java.time.Instant;

/**
 * One way to connect to a database, as Aptible lists them: the default credential, and for Redis also a
 * {@value #REDIS_TLS} one, so clients can choose the TLS URL like {@code aptible db:tunnel --type}.
 */
public record DatabaseCredential(
        long id,
        long databaseId,
        String type,
        boolean isDefault,
        String connectionUrl,
        Instant createdAt,
        Instant updatedAt) {

    /** The type of a Redis database's TLS credential. */
    public static final String REDIS_TLS = "redis+ssl";
}
