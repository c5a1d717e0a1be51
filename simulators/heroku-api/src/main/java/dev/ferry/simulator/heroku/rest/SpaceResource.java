package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.Space;
import dev.ferry.simulator.heroku.rest.view.SpaceViews;
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

/**
 * Serves Private Spaces and their network: the inbound rule set (trusted IP ranges), NAT, peerings
 * and VPN connections (without tunnel secrets).
 */
@Path("/spaces")
@Produces(MediaType.APPLICATION_JSON)
public class SpaceResource {

    static final List<RangeField<Space>> RANGES =
            List.of(new RangeField<>("id", s -> s.id().toString()), new RangeField<>("name", Space::name));

    private final PlatformDirectory platform;

    public SpaceResource(PlatformDirectory platform) {
        this.platform = platform;
    }

    @GET
    public Response list(RoutingContext rc, @HeaderParam(HerokuHeaders.RANGE) String range) {
        var estate = platform.estate();
        return ListResponses.of(
                Paginator.paginate(platform.spaces(Callers.of(rc)), range, RANGES),
                s -> SpaceViews.SpaceView.of(s, estate));
    }

    @GET
    @Path("/{space}")
    public SpaceViews.SpaceView info(RoutingContext rc, @PathParam("space") String space) {
        return SpaceViews.SpaceView.of(platform.space(Callers.of(rc), space), platform.estate());
    }

    @GET
    @Path("/{space}/inbound-ruleset")
    public SpaceViews.InboundRulesetView inbound(RoutingContext rc, @PathParam("space") String space) {
        return SpaceViews.InboundRulesetView.of(platform.space(Callers.of(rc), space));
    }

    @GET
    @Path("/{space}/nat")
    public SpaceViews.NatView nat(RoutingContext rc, @PathParam("space") String space) {
        return SpaceViews.NatView.of(platform.space(Callers.of(rc), space));
    }

    @GET
    @Path("/{space}/peerings")
    public List<SpaceViews.PeeringView> peerings(RoutingContext rc, @PathParam("space") String space) {
        return platform.space(Callers.of(rc), space).peerings().stream()
                .map(SpaceViews.PeeringView::of)
                .toList();
    }

    @GET
    @Path("/{space}/vpn-connections")
    public List<SpaceViews.VpnConnectionView> vpns(RoutingContext rc, @PathParam("space") String space) {
        Space s = platform.space(Callers.of(rc), space);
        return s.vpnConnections().stream()
                .map(v -> SpaceViews.VpnConnectionView.of(v, s))
                .toList();
    }
}
