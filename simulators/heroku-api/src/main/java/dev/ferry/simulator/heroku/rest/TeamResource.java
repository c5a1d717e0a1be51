package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Team;
import dev.ferry.simulator.heroku.rest.view.AppView;
import dev.ferry.simulator.heroku.rest.view.PlatformViews;
import dev.ferry.simulator.heroku.service.Caller;
import dev.ferry.simulator.heroku.service.Paginator;
import dev.ferry.simulator.heroku.service.PlatformDirectory;
import dev.ferry.simulator.heroku.service.RangeField;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Serves the caller's teams and each team's apps. */
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    static final List<RangeField<Team>> RANGES =
            List.of(new RangeField<>("id", t -> t.id().toString()), new RangeField<>("name", Team::name));

    private final PlatformDirectory platform;

    public TeamResource(PlatformDirectory platform) {
        this.platform = platform;
    }

    @GET
    public Response list(RoutingContext rc, @HeaderParam(HerokuHeaders.RANGE) String range) {
        Caller caller = Callers.of(rc);
        return ListResponses.of(
                Paginator.paginate(platform.teams(caller), range, RANGES),
                t -> PlatformViews.TeamView.of(t, caller.account()));
    }

    @GET
    @Path("/{team}")
    public PlatformViews.TeamView info(RoutingContext rc, @PathParam("team") String team) {
        Caller caller = Callers.of(rc);
        return PlatformViews.TeamView.of(platform.team(caller, team), caller.account());
    }

    /** The team's apps; 404 for an unknown team, 403 for a team the caller is not in. */
    @GET
    @Path("/{team}/apps")
    public Response apps(
            RoutingContext rc, @PathParam("team") String team, @HeaderParam(HerokuHeaders.RANGE) String range) {
        List<App> apps = platform.teamApps(Callers.of(rc), team);
        var estate = platform.estate();
        boolean sdk = Callers.sdk(rc);
        return ListResponses.of(Paginator.paginate(apps, range, AppResource.RANGES), a -> AppView.of(a, estate, sdk));
    }
}
