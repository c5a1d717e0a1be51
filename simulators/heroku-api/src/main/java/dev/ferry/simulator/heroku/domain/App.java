package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A Heroku app with its formation and config vars.
 *
 * @param ownerId owning account for personal apps, null for team apps
 * @param teamId owning team for team apps, null for personal apps
 * @param slugSize slug size in bytes, or null when unknown
 */
public record App(
        UUID id,
        String name,
        String region,
        String stack,
        String generation,
        UUID ownerId,
        UUID teamId,
        Instant createdAt,
        Instant updatedAt,
        Instant releasedAt,
        String buildpackProvidedDescription,
        boolean maintenance,
        Long slugSize,
        List<Formation> formation,
        Map<String, String> configVars) {

    public App {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if ((ownerId == null) == (teamId == null)) {
            throw new IllegalArgumentException("app " + name + " needs exactly one owner or team");
        }
        formation = List.copyOf(formation);
        configVars = Map.copyOf(configVars);
    }

    /** Whether a team, not a person, owns this app. */
    public boolean teamOwned() {
        return teamId != null;
    }
}
