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
 * @param details domains, drains, releases and the rest; never null
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
        Map<String, String> configVars,
        AppDetails details) {

    public App {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if ((ownerId == null) == (teamId == null)) {
            throw new IllegalArgumentException("app " + name + " needs exactly one owner or team");
        }
        formation = List.copyOf(formation);
        configVars = Map.copyOf(configVars);
        Objects.requireNonNull(details, "details");
    }

    /** This app with maintenance mode switched. */
    public App withMaintenance(boolean on, Instant now) {
        return new App(
                id,
                name,
                region,
                stack,
                generation,
                ownerId,
                teamId,
                createdAt,
                now,
                releasedAt,
                buildpackProvidedDescription,
                on,
                slugSize,
                formation,
                configVars,
                details);
    }

    /** This app with another formation. */
    public App withFormation(List<Formation> newFormation, Instant now) {
        return new App(
                id,
                name,
                region,
                stack,
                generation,
                ownerId,
                teamId,
                createdAt,
                now,
                releasedAt,
                buildpackProvidedDescription,
                maintenance,
                slugSize,
                newFormation,
                configVars,
                details);
    }

    /** This app with other config vars (used to point backed add-ons at real databases). */
    public App withConfigVars(Map<String, String> vars) {
        return new App(
                id,
                name,
                region,
                stack,
                generation,
                ownerId,
                teamId,
                createdAt,
                updatedAt,
                releasedAt,
                buildpackProvidedDescription,
                maintenance,
                slugSize,
                formation,
                vars,
                details);
    }

    /** Whether a team, not a person, owns this app. */
    public boolean teamOwned() {
        return teamId != null;
    }
}
