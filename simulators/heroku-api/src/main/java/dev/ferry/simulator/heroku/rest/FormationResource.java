package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Formation;
import dev.ferry.simulator.heroku.rest.view.FormationView;
import dev.ferry.simulator.heroku.service.AppDirectory;
import dev.ferry.simulator.heroku.service.Caller;
import dev.ferry.simulator.heroku.service.Paginator;
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

/** Serves an app's formation: its process types, commands, quantities and dyno sizes. */
@Path("/apps/{app}/formation")
@Produces(MediaType.APPLICATION_JSON)
public class FormationResource {

    static final List<RangeField<Formation>> RANGES = List.of(
            new RangeField<>("id", formation -> formation.id().toString()), new RangeField<>("type", Formation::type));

    private final AppDirectory apps;

    public FormationResource(AppDirectory apps) {
        this.apps = apps;
    }

    @GET
    public Response list(
            RoutingContext rc, @PathParam("app") String appIdOrName, @HeaderParam(HerokuHeaders.RANGE) String range) {
        App app = apps.app(Callers.of(rc), appIdOrName);
        var page = Paginator.paginate(app.formation(), range, RANGES);
        return ListResponses.of(page, formation -> FormationView.of(formation, app));
    }

    @GET
    @Path("/{formation}")
    public FormationView info(
            RoutingContext rc, @PathParam("app") String appIdOrName, @PathParam("formation") String idOrType) {
        Caller caller = Callers.of(rc);
        App app = apps.app(caller, appIdOrName);
        return FormationView.of(apps.formation(caller, app.id().toString(), idOrType), app);
    }
}
