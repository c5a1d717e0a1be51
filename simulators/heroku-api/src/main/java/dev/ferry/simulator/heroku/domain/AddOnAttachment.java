package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The link that exposes an add-on to one app under a name such as {@code DATABASE}.
 *
 * @param namespace attachment namespace such as {@code credential:analyst}, or null
 * @param configVars names of the config vars this attachment sets on the app
 */
public record AddOnAttachment(
        UUID id,
        String name,
        String namespace,
        UUID addOnId,
        UUID appId,
        List<String> configVars,
        Instant createdAt,
        Instant updatedAt) {

    public AddOnAttachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(addOnId, "addOnId");
        Objects.requireNonNull(appId, "appId");
        configVars = List.copyOf(configVars);
    }
}
