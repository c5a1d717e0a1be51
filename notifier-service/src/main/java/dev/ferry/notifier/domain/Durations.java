package dev.ferry.notifier.domain;

/** Writes durations the way people read them: 850 ms, 4.2 s, 3 min 5 s, 1 h 2 min. */
public final class Durations {
    private Durations() {}

    public static String human(long millis) {
        if (millis < 0) {
            return "unknown";
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }
}
