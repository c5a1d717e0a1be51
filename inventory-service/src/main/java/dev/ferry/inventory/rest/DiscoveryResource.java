package dev.ferry.inventory.rest;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.common.security.CurrentUser;
import dev.ferry.common.security.Roles;
import dev.ferry.inventory.domain.AppView;
import dev.ferry.inventory.domain.DiscoveryRequest;
import dev.ferry.inventory.domain.EstateView;
import dev.ferry.inventory.service.DiscoveryProgress;
import dev.ferry.inventory.service.DiscoveryQueries;
import dev.ferry.inventory.service.DiscoveryService;
import dev.ferry.inventory.service.ProgressQueries;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Starts discoveries of a Heroku estate (operators), follows them and reads what they found (viewers);
 * the requester is the token's user.
 */
@Path("/api/discoveries")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {
    private final DiscoveryService service;
    private final DiscoveryQueries queries;
    private final ProgressQueries progress;
    private final CurrentUser user;

    public DiscoveryResource(
            DiscoveryService service, DiscoveryQueries queries, ProgressQueries progress, CurrentUser user) {
        this.service = service;
        this.queries = queries;
        this.progress = progress;
        this.user = user;
    }

    /** The 202 answer: the discovery runs; follow it at {@code progress} or {@code events}. */
    public record Started(String discoveryId, String status, int apps, String progress, String events) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Discover the whole account, a team's apps or a list of apps; requested by the token's user")
    public Uni<Response> start(DiscoveryRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send a JSON body such as {\"apps\": [\"my-app\"]},"
                    + " {\"scope\": \"team\", \"team\": \"my-team\"} or {\"scope\": \"account\"}");
        }
        return service.discover(request, user.name()).map(outcome -> {
            String self = "/api/discoveries/" + outcome.discoveryId();
            return Response.accepted(new Started(
                            outcome.discoveryId(),
                            outcome.status(),
                            outcome.apps(),
                            self + "/progress",
                            self + "/events"))
                    .location(URI.create(self))
                    .build();
        });
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every discovery, newest first")
    public Uni<List<DiscoveryQueries.DiscoverySummary>> list() {
        return queries.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One discovery with the apps it found")
    public Uni<DiscoveryQueries.DiscoveryDetail> get(@PathParam("id") String id) {
        return queries.get(id);
    }

    @GET
    @Path("/{id}/progress")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Where a discovery is: phase, apps done and failed, Heroku calls and 429s")
    public Uni<DiscoveryProgress.View> progress(@PathParam("id") String id) {
        return progress.progress(id);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Server-Sent Events: one per progress change, the last when the discovery ends")
    public Multi<DiscoveryProgress.View> events(@PathParam("id") String id) {
        return progress.events(id);
    }

    @GET
    @Path("/{id}/estate")
    @RolesAllowed(Roles.VIEWER)
    @Operation(
            summary = "A completed discovery's teams, Private Spaces and their network, pipelines with their stages"
                    + " and dyno sizes; no secret (VPN tunnels are never read)")
    public Uni<EstateView> estate(@PathParam("id") String id) {
        return queries.estate(id);
    }

    @GET
    @Path("/{id}/apps/{name}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One app's full inventory; secrets as names and fingerprints, drain and webhook URLs as hosts")
    public Uni<AppView> app(@PathParam("id") String id, @PathParam("name") String name) {
        return queries.app(id, name);
    }
}
