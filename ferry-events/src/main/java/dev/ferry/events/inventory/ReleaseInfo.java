package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * The app's current release and its recent history.
 *
 * @param releasePhase whether the release runs a {@code release} process (a release phase)
 * @param recentFailures releases that failed recently, newest first
 */
public record ReleaseInfo(
        int version,
        String status,
        @Nullable String description,
        @Nullable Instant createdAt,
        boolean releasePhase,
        List<FailedRelease> recentFailures) {

    /** A release that failed, and what it said. */
    public record FailedRelease(
            int version,
            @Nullable String description,
            @Nullable Instant createdAt) {}
}
