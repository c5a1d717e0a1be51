package dev.ferry.executor.data.postgres;

/**
 * How far a copy has come.
 *
 * @param phase {@code schema}, {@code data}, {@code indexes}, {@code constraints}, {@code sequences} or {@code done}
 * @param bytesTotal estimated from the source's table sizes (the COPY stream is usually smaller)
 * @param etaSeconds estimated time left for the data phase, null until some data has moved
 */
public record CopyProgress(
        String phase,
        long bytesDone,
        long bytesTotal,
        long rowsDone,
        int tablesDone,
        int tablesTotal,
        Long etaSeconds,
        String message) {

    /** Receives progress from the copy's worker threads; must be thread-safe and quick. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> {};

        void progress(CopyProgress progress);
    }
}
