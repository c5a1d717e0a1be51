package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A Heroku team; its members can see the apps it owns. */
public record Team(UUID id, String name, Instant createdAt, Set<UUID> memberIds) {

    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        memberIds = Set.copyOf(memberIds);
    }

    /** Heroku reports team-owned apps as owned by this pseudo-user address. */
    public String ownerEmail() {
        return name + "@herokumanager.com";
    }
}
