package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pipeline and the apps coupled to it, each in one stage. */
public record Pipeline(UUID id, String name, UUID teamId, List<Coupling> couplings, Instant createdAt) {

    public Pipeline {
        couplings = List.copyOf(couplings);
    }

    /** One app in one stage: {@code test}, {@code review}, {@code development}, {@code staging} or {@code production}. */
    public record Coupling(UUID id, UUID appId, String stage) {}
}
