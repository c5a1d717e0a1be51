package dev.ferry.simulator.heroku.domain;

import java.util.List;

/**
 * What the Data API knows about a Heroku Postgres or Redis add-on, and whether a real local
 * database backs it.
 *
 * @param backed whether the simulator points the add-on's URL at a real local PostgreSQL or Redis
 * @param seed what to seed a backed Redis with: {@code sidekiq} (a job queue) or {@code cache}
 * @param followers names of Postgres follower add-ons
 */
public record AddOnData(
        boolean backed,
        String seed,
        Long numBytes,
        Integer numTables,
        String version,
        List<String> followers,
        String maxmemoryPolicy,
        Boolean tls) {

    public AddOnData {
        followers = followers == null ? List.of() : List.copyOf(followers);
    }

    /** Nothing declared. */
    public static AddOnData none() {
        return new AddOnData(false, null, null, null, null, List.of(), null, null);
    }
}
