package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.AppDetails;
import dev.ferry.simulator.heroku.rest.view.AppExtrasViews;
import dev.ferry.simulator.heroku.rest.view.BuildpackView;
import dev.ferry.simulator.heroku.rest.view.RoutingViews;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Serves an app's domains, SNI endpoints, log drains, features, webhooks, collaborators and
 * buildpack installations, each a Range-paged list like every Heroku list.
 */
@Path("/apps/{app}")
@Produces(MediaType.APPLICATION_JSON)
public class AppDetailsResource {

    private final AppDirectory apps;

    public AppDetailsResource(AppDirectory apps) {
        this.apps = apps;
    }

    @GET
    @Path("/domains")
    public Response domains(
            RoutingContext rc, @PathParam("app") String app, @HeaderParam(HerokuHeaders.RANGE) String range) {
        App a = apps.app(Callers.of(rc), app);
        return ListResponses.of(
                Paginator.paginate(
                        a.details().domains(),
                        range,
                        List.of(
                                new RangeField<AppDetails.Domain>("id", d -> d.id().toString()),
                                new RangeField<AppDetails.Domain>("hostname", AppDetails.Domain::hostname))),
                d -> RoutingViews.DomainView.of(d, a));
    }

    @GET
    @Path("/sni-endpoints")
    public Response sniEndpoints(
            RoutingContext rc, @PathParam("app") String app, @HeaderParam(HerokuHeaders.RANGE) String range) {
        App a = apps.app(Callers.of(rc), app);
        return ListResponses.of(
                Paginator.paginate(
                        a.details().sniEndpoints(),
                        range,
                        List.of(
                                new RangeField<AppDetails.SniEndpoint>("id", s -> s.id().toString()),
                                new RangeField<AppDetails.SniEndpoint>("name", AppDetails.SniEndpoint::name))),
                s -> RoutingViews.SniEndpointView.of(s, a));
    }

    @GET
    @Path("/log-drains")
    public Response logDrains(
            RoutingContext rc, @PathParam("app") String app, @HeaderParam(HerokuHeaders.RANGE) String range) {
        App a = apps.app(Callers.of(rc), app);
        var estate = apps.estate();
        return ListResponses.of(
                Paginator.paginate(
                        a.details().logDrains(),
                        range,
                        List.of(new RangeField<AppDetails.LogDrain>("id", d -> d.id().toString()))),
                d -> AppExtrasViews.LogDrainView.of(d, a, estate));
    }

    @GET
    @Path("/features")
    public Response features(
            RoutingContext rc, @PathParam("app") String app, @HeaderParam(HerokuHeaders.RANGE) String range) {
        App a = apps.app(Callers.of(rc), app);
        List<String> names = new ArrayList<>(apps.knownFeatures());
        return ListResponses.of(
                Paginator.paginate(
                        names,
                        range,
                        List.of(
                                new RangeField<String>(
                                        "id",
                                        n -> AppExtrasViews.FeatureView.of(n, a)
                                                .id()
                                                .toString()),
                                new RangeField<String>("name", n -> n))),
                n -> AppExtrasViews.FeatureView.of(n, a));
    }

    @GET
    @Path("/webhooks")
    public Response webhooks(
            RoutingContext rc, @PathParam("app") String app, @HeaderParam(HerokuHeaders.RANGE) String range) {
        App a = apps.app(Callers.of(rc), app);
        return ListResponses.of(
                Paginator.paginate(
                        a.details().webhooks(),
                        range,
                        List.of(new RangeField<AppDetails.Webhook>("id", w -> w.id().toString()))),
                w -> AppExtrasViews.WebhookView.of(w, a));
    }

    @GET
    @Path("/collaborators")
    public Response collaborators(
            RoutingContext rc, @PathParam("app") String app, @HeaderParam(HerokuHeaders.RANGE) String range) {
        App a = apps.app(Callers.of(rc), app);
        return ListResponses.of(
                Paginator.paginate(
                        a.details().collaborators(),
                        range,
                        List.of(
                                new RangeField<AppDetails.Collaborator>("id", c -> c.id().toString()),
                                new RangeField<AppDetails.Collaborator>("email", AppDetails.Collaborator::email))),
                c -> AppExtrasViews.CollaboratorView.of(c, a));
    }

    /** Not a ranged list on Heroku: the installations in order. */
    @GET
    @Path("/buildpack-installations")
    public List<BuildpackView> buildpacks(RoutingContext rc, @PathParam("app") String app) {
        List<String> buildpacks = apps.app(Callers.of(rc), app).details().buildpacks();
        return IntStream.range(0, buildpacks.size())
                .mapToObj(i -> BuildpackView.of(i, buildpacks.get(i)))
                .toList();
    }
}
