package dev.ferry.simulator.heroku.rest.view;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Formation;
import java.util.UUID;

/** One process type as Heroku's {@code formation} schema renders it. */
public record FormationView(
        Ref app,
        String command,
        String createdAt,
        Ref dynoSize,
        UUID id,
        int quantity,
        String size,
        String type,
        String updatedAt) {

    public static FormationView of(Formation formation, App app) {
        return new FormationView(
                AppView.ref(app),
                formation.command(),
                Times.format(formation.createdAt()),
                AppView.named("dyno-size", formation.size()),
                formation.id(),
                formation.quantity(),
                formation.size(),
                formation.type(),
                Times.format(formation.updatedAt()));
    }
}
