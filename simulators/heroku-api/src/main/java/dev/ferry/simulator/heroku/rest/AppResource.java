package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.rest.view.AppView;
import dev.ferry.simulator.heroku.service.ApiException;
import dev.ferry.simulator.heroku.service.AppDirectory;
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

/** Serves the app list and single apps. */
@Path("/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {

    static final List<RangeField<App>> RANGES =
            List.of(new RangeField<>("id", app -> app.id().toString()), new RangeField<>("name", App::name));

    private final AppDirectory apps;

    public AppResource(AppDirectory apps) {
        this.apps = apps;
    }

    @GET
    public Response list(RoutingContext rc, @HeaderParam(HerokuHeaders.RANGE) String range) {
        var estate = apps.estate();
        var page = Paginator.paginate(apps.visibleApps(Callers.of(rc)), range, RANGES);
        boolean sdk = Callers.sdk(rc);
        return ListResponses.of(page, app -> AppView.of(app, estate, sdk));
    }

    @GET
    @Path("/{app}")
    public AppView info(RoutingContext rc, @PathParam("app") String app) {
        return AppView.of(apps.app(Callers.of(rc), app), apps.estate(), Callers.sdk(rc));
    }

    /** The body of {@code PATCH /apps/{app}}; only {@code maintenance} is supported. */
    public record AppUpdate(Boolean maintenance) {}

    /** Switches maintenance mode on or off; later reads (and ETags) show the change. */
    @PATCH
    @Path("/{app}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppView update(RoutingContext rc, @PathParam("app") String app, AppUpdate update) {
        if (update == null || update.maintenance() == null) {
            throw ApiException.badRequest("Send {\"maintenance\": true} or {\"maintenance\": false}.");
        }
        return AppView.of(apps.setMaintenance(Callers.of(rc), app, update.maintenance()), apps.estate());
    }
}
