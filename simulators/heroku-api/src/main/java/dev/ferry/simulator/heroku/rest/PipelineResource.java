package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.Pipeline;
import dev.ferry.simulator.heroku.rest.view.PlatformViews;
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

/** Serves pipelines, their couplings and the account-wide coupling list. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    static final List<RangeField<Pipeline>> RANGES =
            List.of(new RangeField<>("id", p -> p.id().toString()), new RangeField<>("name", Pipeline::name));
    static final List<RangeField<PlatformDirectory.Coupled>> COUPLING_RANGES =
            List.of(new RangeField<>("id", c -> c.coupling().id().toString()));

    private final PlatformDirectory platform;

    public PipelineResource(PlatformDirectory platform) {
        this.platform = platform;
    }

    @GET
    @Path("pipelines")
    public Response list(RoutingContext rc, @HeaderParam(HerokuHeaders.RANGE) String range) {
        var estate = platform.estate();
        return ListResponses.of(
                Paginator.paginate(platform.pipelines(Callers.of(rc)), range, RANGES),
                p -> PlatformViews.PipelineView.of(p, estate));
    }

    @GET
    @Path("pipelines/{pipeline}")
    public PlatformViews.PipelineView info(RoutingContext rc, @PathParam("pipeline") String pipeline) {
        return PlatformViews.PipelineView.of(platform.pipeline(Callers.of(rc), pipeline), platform.estate());
    }

    @GET
    @Path("pipelines/{pipeline}/pipeline-couplings")
    public Response couplingsOf(
            RoutingContext rc, @PathParam("pipeline") String pipeline, @HeaderParam(HerokuHeaders.RANGE) String range) {
        Pipeline p = platform.pipeline(Callers.of(rc), pipeline);
        List<PlatformDirectory.Coupled> couplings = platform.couplings(Callers.of(rc)).stream()
                .filter(c -> c.pipeline().id().equals(p.id()))
                .toList();
        return ListResponses.of(
                Paginator.paginate(couplings, range, COUPLING_RANGES),
                c -> PlatformViews.CouplingView.of(c.coupling(), c.pipeline()));
    }

    /** Every coupling of an app the caller can see. */
    @GET
    @Path("pipeline-couplings")
    public Response couplings(RoutingContext rc, @HeaderParam(HerokuHeaders.RANGE) String range) {
        return ListResponses.of(
                Paginator.paginate(platform.couplings(Callers.of(rc)), range, COUPLING_RANGES),
                c -> PlatformViews.CouplingView.of(c.coupling(), c.pipeline()));
    }

    @GET
    @Path("dyno-sizes")
    public Response dynoSizes(RoutingContext rc, @HeaderParam(HerokuHeaders.RANGE) String range) {
        Callers.of(rc);
        return ListResponses.of(
                Paginator.paginate(
                        PlatformViews.DynoSizeView.CATALOGUE,
                        range,
                        List.of(
                                new RangeField<PlatformViews.DynoSizeView>("id", d -> d.id().toString()),
                                new RangeField<PlatformViews.DynoSizeView>("name", PlatformViews.DynoSizeView::name))),
                d -> d);
    }
}
