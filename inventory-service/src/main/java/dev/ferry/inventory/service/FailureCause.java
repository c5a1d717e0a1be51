package dev.ferry.inventory.service;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.inventory.client.HerokuApiException;
import dev.ferry.inventory.client.MalformedAnswerException;
import java.time.Instant;

/** Turns why a discovery stopped into a {@code discovery-failed} event a person can act on. */
final class FailureCause {

    private FailureCause() {}

    static DiscoveryFailed of(String discoveryId, Throwable failure, Instant at) {
        String app = null;
        Throwable cause = failure;
        if (failure instanceof AppReadException read) {
            app = read.app();
            cause = read.getCause();
        }
        String prefix = app == null ? "" : "app " + app + ": ";
        if (cause instanceof HerokuApiException heroku) {
            String advice = switch (heroku.status()) {
                case 401 -> "Heroku refused the configured token (invalid or expired). ";
                case 403 -> "The Heroku token lacks access (config vars need the global or read-protected scope). ";
                case 429 -> "Heroku's rate limit stayed exhausted through every back-off. ";
                default -> heroku.status() >= 500 ? "Heroku kept failing after the retries. " : "";
            };
            return new DiscoveryFailed(
                    discoveryId, prefix + advice + heroku.getMessage(), at, app, heroku.endpoint(), heroku.status());
        }
        if (cause instanceof ProblemException problem) {
            // What a request is refused for (an unknown team or app) can also stop a resumed discovery.
            return new DiscoveryFailed(discoveryId, prefix + problem.getMessage(), at, app, null, problem.status());
        }
        if (cause instanceof MalformedAnswerException malformed) {
            return new DiscoveryFailed(
                    discoveryId, prefix + malformed.getMessage(), at, app, malformed.endpoint(), malformed.status());
        }
        return new DiscoveryFailed(
                discoveryId,
                prefix + "Heroku could not be reached: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
                at,
                app,
                null,
                null);
    }
}
