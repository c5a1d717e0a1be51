package dev.ferry.executor.data;

import io.smallrye.mutiny.Uni;

/**
 * Finds the connection URL of a target database by its Aptible handle at run time, so the URL is
 * never written into an event; implemented against the Aptible API by the client layer.
 */
public interface TargetDatabases {

    /** The database's connection URL ({@code postgresql://...} or {@code redis://...}); fails when it does not exist. */
    Uni<String> connectionUrl(String handle);
}
