package dev.ferry.simulator.heroku.rest.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.domain.Space;
import dev.ferry.simulator.heroku.domain.Team;
import java.util.List;
import java.util.UUID;

/**
 * An app as Heroku's {@code app} schema renders it; {@code buildpacks} only for the {@code
 * version=3.sdk} variant, as Heroku's SDK schema adds it.
 */
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
        SpaceRef space,
        Ref stack,
        String updatedAt,
        String webUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<BuildpackRef> buildpacks) {

    /** The space an app runs in. */
    public record SpaceRef(UUID id, String name, boolean shield) {}

    /** A buildpack in the SDK variant's app body. */
    public record BuildpackRef(String name, String url) {}

    /** Renders an app in the plain version 3 shape. */
    public static AppView of(App app, Estate estate) {
        return of(app, estate, false);
    }

    /** Renders an app, resolving its owner, team and space in the estate. */
    public static AppView of(App app, Estate estate, boolean sdk) {
        Space space = estate.space(app.details().spaceId()).orElse(null);
        Team team = estate.team(app.teamId()).orElse(null);
        Ref teamRef = team == null ? null : new Ref(team.id(), team.name());
        OwnerRef owner = team != null
                ? new OwnerRef(team.ownerEmail(), team.id())
                : estate.account(app.ownerId())
                        .map(a -> new OwnerRef(a.email(), a.id()))
                        .orElseThrow();
        Ref stack = named("stack", app.stack());
        return new AppView(
                app.details().acm(),
                null,
                app.buildpackProvidedDescription(),
                stack,
                Times.format(app.createdAt()),
                named("generation", app.generation()),
                "https://git.heroku.com/" + app.name() + ".git",
                app.id(),
                space == null ? null : Boolean.FALSE,
                app.maintenance(),
                app.name(),
                owner,
                teamRef,
                teamRef,
                named("region", app.region()),
                Times.format(app.releasedAt()),
                null,
                app.slugSize(),
                space == null ? null : new SpaceRef(space.id(), space.name(), space.shield()),
                stack,
                Times.format(app.updatedAt()),
                "https://" + app.name() + ".herokuapp.com/",
                sdk
                        ? app.details().buildpacks().stream()
                                .map(BuildpackView::ref)
                                .toList()
                        : null);
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
