package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.AppDetails;
import dev.ferry.simulator.heroku.rest.view.ReleaseView;
import dev.ferry.simulator.heroku.service.ApiException;
import dev.ferry.simulator.heroku.service.AppDirectory;
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

/** Serves an app's releases, ranged by {@code version} (numeric, the default) or {@code id}. */
@Path("/apps/{app}/releases")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    static final List<RangeField<AppDetails.Release>> RANGES = List.of(
            new RangeField<>("version", r -> Integer.toString(r.version()), true),
            new RangeField<>("id", r -> r.id().toString()));

    private final AppDirectory apps;

    public ReleaseResource(AppDirectory apps) {
        this.apps = apps;
    }

    @GET
    public Response list(
            RoutingContext rc, @PathParam("app") String app, @HeaderParam(HerokuHeaders.RANGE) String range) {
        App a = apps.app(Callers.of(rc), app);
        var estate = apps.estate();
        return ListResponses.of(
                Paginator.paginate(a.details().releases(), range, RANGES), r -> ReleaseView.of(r, a, estate));
    }

    @GET
    @Path("/{release}")
    public ReleaseView info(RoutingContext rc, @PathParam("app") String app, @PathParam("release") String idOrVersion) {
        App a = apps.app(Callers.of(rc), app);
        return a.details().releases().stream()
                .filter(r -> r.id().toString().equalsIgnoreCase(idOrVersion)
                        || Integer.toString(r.version()).equals(idOrVersion))
                .findFirst()
                .map(r -> ReleaseView.of(r, a, apps.estate()))
                .orElseThrow(() -> ApiException.notFound("Couldn't find that release."));
    }
}
