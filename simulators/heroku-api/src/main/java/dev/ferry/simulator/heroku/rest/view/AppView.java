package dev.ferry.simulator.heroku.rest.view;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.domain.Team;
import java.util.UUID;

/** An app as Heroku's {@code app} schema renders it. */
public record AppView(
        boolean acm,
        String archivedAt,
        String buildpackProvidedDescription,
        Ref buildStack,
        String createdAt,
        Ref generation,
        String gitUrl,
        UUID id,
        Boolean internalRouting,
        boolean maintenance,
        String name,
        OwnerRef owner,
        Ref organization,
        Ref team,
        Ref region,
        String releasedAt,
        Long repoSize,
        Long slugSize,
        Object space,
        Ref stack,
        String updatedAt,
        String webUrl) {

    /** Renders an app, resolving its owner and team in the estate. */
    public static AppView of(App app, Estate estate) {
        Team team = estate.team(app.teamId()).orElse(null);
        Ref teamRef = team == null ? null : new Ref(team.id(), team.name());
        OwnerRef owner = team != null
                ? new OwnerRef(team.ownerEmail(), team.id())
                : estate.account(app.ownerId())
                        .map(a -> new OwnerRef(a.email(), a.id()))
                        .orElseThrow();
        Ref stack = named("stack", app.stack());
        return new AppView(
                false,
                null,
                app.buildpackProvidedDescription(),
                stack,
                Times.format(app.createdAt()),
                named("generation", app.generation()),
                "https://git.heroku.com/" + app.name() + ".git",
                app.id(),
                null,
                app.maintenance(),
                app.name(),
                owner,
                teamRef,
                teamRef,
                named("region", app.region()),
                Times.format(app.releasedAt()),
                null,
                app.slugSize(),
                null,
                stack,
                Times.format(app.updatedAt()),
                "https://" + app.name() + ".herokuapp.com/");
    }

    /** A reference object for a platform catalogue entry known only by name. */
    static Ref named(String kind, String name) {
        return new Ref(Ids.derive(kind, name), name);
    }

    /** The short {@code {id, name}} form other resources nest. */
    public static Ref ref(App app) {
        return new Ref(app.id(), app.name());
    }
}
