package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Pipeline;
import dev.ferry.simulator.heroku.domain.Space;
import dev.ferry.simulator.heroku.domain.Team;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Answers team, Private Space and pipeline questions for a caller, limited to what it may see. */
@ApplicationScoped
public class PlatformDirectory {

    private final EstateStore store;

    public PlatformDirectory(EstateStore store) {
        this.store = store;
    }

    public Estate estate() {
        return store.current();
    }

    /** Teams the caller is a member of. */
    public List<Team> teams(Caller caller) {
        AppDirectory.requireAppScope(caller);
        return store.current().teamsOf(caller.account());
    }

    /** A team the caller is a member of: 404 when it does not exist, 403 when the caller is not in it. */
    public Team team(Caller caller, String idOrName) {
        AppDirectory.requireAppScope(caller);
        Team team = store.current()
                .teamByIdOrName(idOrName)
                .orElseThrow(() -> ApiException.notFound("Couldn't find that team."));
        if (!team.memberIds().contains(caller.account().id())) {
            throw ApiException.forbidden("You do not have access to the team " + team.name() + ".");
        }
        return team;
    }

    /** The apps a team owns. */
    public List<App> teamApps(Caller caller, String idOrName) {
        Team team = team(caller, idOrName);
        return store.current().apps().stream()
                .filter(a -> team.id().equals(a.teamId()))
                .toList();
    }

    public List<Space> spaces(Caller caller) {
        AppDirectory.requireAppScope(caller);
        return store.current().spacesVisibleTo(caller.account());
    }

    /** A space of one of the caller's teams. */
    public Space space(Caller caller, String idOrName) {
        AppDirectory.requireAppScope(caller);
        Estate estate = store.current();
        Space space =
                estate.spaceByIdOrName(idOrName).orElseThrow(() -> ApiException.notFound("Couldn't find that space."));
        if (!estate.spacesVisibleTo(caller.account()).contains(space)) {
            throw ApiException.forbidden("You do not have access to the space " + space.name() + ".");
        }
        return space;
    }

    public List<Pipeline> pipelines(Caller caller) {
        AppDirectory.requireAppScope(caller);
        return store.current().pipelinesVisibleTo(caller.account());
    }

    /** A visible pipeline by id or name. */
    public Pipeline pipeline(Caller caller, String idOrName) {
        return pipelines(caller).stream()
                .filter(p -> p.name().equals(idOrName) || p.id().toString().equalsIgnoreCase(idOrName))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Couldn't find that pipeline."));
    }

    /** Couplings of visible apps, each with its pipeline. */
    public List<Coupled> couplings(Caller caller) {
        Estate estate = store.current();
        return pipelines(caller).stream()
                .flatMap(p -> p.couplings().stream().map(c -> new Coupled(c, p)))
                .filter(c -> estate.app(c.coupling().appId())
                        .map(a -> estate.canSee(caller.account(), a))
                        .orElse(false))
                .toList();
    }

    /** A coupling and the pipeline it belongs to. */
    public record Coupled(Pipeline.Coupling coupling, Pipeline pipeline) {}
}
