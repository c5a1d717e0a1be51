package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Formation;
import dev.ferry.simulator.heroku.rest.view.FormationView;
import dev.ferry.simulator.heroku.service.AppDirectory;
import dev.ferry.simulator.heroku.service.Caller;
import dev.ferry.simulator.heroku.service.Paginator;
import dev.ferry.simulator.heroku.service.RangeField;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

    /** The body of a batch update: {@code {"updates": [{"type": "web", "quantity": 2, "size": "standard-2X"}]}}. */
    public record BatchUpdate(List<AppDirectory.Scale> updates) {}

    /** The body of a single update: {@code {"quantity": 2, "size": "standard-2X"}}. */
    public record Update(Integer quantity, String size) {}

    /** Scales several process types at once; all or nothing. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public List<FormationView> batch(RoutingContext rc, @PathParam("app") String appIdOrName, BatchUpdate body) {
        Caller caller = Callers.of(rc);
        List<Formation> changed = apps.scale(caller, appIdOrName, body == null ? List.of() : body.updates());
        App app = apps.app(caller, appIdOrName);
        return changed.stream().map(f -> FormationView.of(f, app)).toList();
    }

    /** Scales one process type. */
    @PATCH
    @Path("/{formation}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FormationView scale(
            RoutingContext rc, @PathParam("app") String appIdOrName, @PathParam("formation") String type, Update body) {
        Caller caller = Callers.of(rc);
        Update update = body == null ? new Update(null, null) : body;
        List<Formation> changed = apps.scale(
                caller, appIdOrName, List.of(new AppDirectory.Scale(type, update.quantity(), update.size())));
        return FormationView.of(changed.get(0), apps.app(caller, appIdOrName));
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
