package dev.ferry.inventory.rest;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.inventory.domain.AppView;
import dev.ferry.inventory.domain.DiscoveryRequest;
import dev.ferry.inventory.service.DiscoveryQueries;
import dev.ferry.inventory.service.DiscoveryService;
import io.smallrye.mutiny.Uni;
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

/** Starts discoveries of a Heroku estate and reads what they found. */
@Path("/api/discoveries")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {
    private final DiscoveryService service;
    private final DiscoveryQueries queries;

    public DiscoveryResource(DiscoveryService service, DiscoveryQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discover the whole account or a list of apps")
    public Uni<Response> start(DiscoveryRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(
                    "Send a JSON body such as {\"apps\": [\"my-app\"]} or {\"scope\": \"account\"}");
        }
        return service.discover(request)
                .map(outcome -> Response.accepted(outcome)
                        .location(URI.create("/api/discoveries/" + outcome.discoveryId()))
                        .build());
    }

    @GET
    @Operation(summary = "Every discovery, newest first")
    public Uni<List<DiscoveryQueries.DiscoverySummary>> list() {
        return queries.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One discovery with the apps it found")
    public Uni<DiscoveryQueries.DiscoveryDetail> get(@PathParam("id") String id) {
        return queries.get(id);
    }

    @GET
    @Path("/{id}/apps/{name}")
    @Operation(summary = "One app's inventory, secrets shown as fingerprints")
    public Uni<AppView> app(@PathParam("id") String id, @PathParam("name") String name) {
        return queries.app(id, name);
    }
}
