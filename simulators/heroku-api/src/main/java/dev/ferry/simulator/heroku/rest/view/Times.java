package dev.ferry.simulator.heroku.rest.view;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Formats timestamps the way Heroku does: UTC, whole seconds, e.g. {@code 2012-01-01T12:00:00Z}.
 */
final class Times {

    private Times() {}

    static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
