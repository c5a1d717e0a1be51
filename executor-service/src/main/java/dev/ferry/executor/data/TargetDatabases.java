package dev.ferry.executor.data;

import dev.ferry.events.Nullable;
import io.smallrye.mutiny.Uni;

/**
 * Finds the connection URL of a target database by its Aptible handle at run time, so the URL is
 * never written into an event; implemented against the Aptible API by the client layer.
 */
public interface TargetDatabases {

    /** The database's connection URL ({@code postgresql://...} or {@code redis://...}); fails when it does not exist. */
    Uni<String> connectionUrl(Target target);

    /**
     * Which database a data step means: its handle, and when known the environment it lives in (the
     * step's {@code environment} parameter) and Aptible's id of it (the output of the step that
     * provisioned it), so the same handle in two environments is never confused.
     */
    record Target(
            String handle,
            @Nullable String environment,
            @Nullable Long id) {
        public static Target handle(String handle) {
            return new Target(handle, null, null);
        }
    }
}
