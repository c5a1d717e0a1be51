package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A Heroku user account, the unit that owns personal apps and rate-limit buckets.
 *
 * @param defaultTeamName name of the team selected by default, or null
 */
public record Account(
        UUID id,
        String email,
        String name,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLogin,
        boolean twoFactorAuthentication,
        String defaultTeamName) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
