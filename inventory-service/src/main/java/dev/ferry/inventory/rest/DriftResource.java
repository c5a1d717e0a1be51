package dev.ferry.inventory.rest;

import dev.ferry.common.security.CurrentUser;
import dev.ferry.common.security.Roles;
import dev.ferry.inventory.drift.DriftQueries;
import dev.ferry.inventory.drift.DriftScanner;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Drift of the estate: re-scans on demand (operators) and the drift events recorded so far (viewers). */
@Path("/api/drift")
@Produces(MediaType.APPLICATION_JSON)
public class DriftResource {
    private final DriftScanner scanner;
    private final DriftQueries queries;
    private final CurrentUser user;

    public DriftResource(DriftScanner scanner, DriftQueries queries, CurrentUser user) {
        this.scanner = scanner;
        this.queries = queries;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every drift detected, newest first")
    public Uni<List<DriftQueries.DriftView>> list() {
        return queries.drifts();
    }

    @POST
    @Path("/scans")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Re-scan the latest completed discovery's scope now; drift is detected when its snapshot arrives")
    public Uni<Response> scan() {
        return scanner.rescan(user.name())
                .map(r -> Response.accepted(r)
                        .location(URI.create("/api/discoveries/" + r.discoveryId()))
                        .build());
    }
}
