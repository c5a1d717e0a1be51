package dev.ferry.executor.data;

import io.smallrye.mutiny.Uni;

/** Resolves a target database handle to the connection URL the data steps write to (a secret). */
public interface TargetDatabases {
    Uni<String> connectionUrl(String handle);
}
