package dev.ferry.inventory.rest;

import dev.ferry.common.security.Roles;
import dev.ferry.inventory.drift.DriftQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The differences between two snapshots of the estate. */
@Path("/api/discoveries/{id}/diff")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotDiffResource {
    private final DriftQueries queries;

    public SnapshotDiffResource(DriftQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(
            summary =
                    "What changed from snapshot 'against' to snapshot {id}: apps, formation, config var names, add-ons, domains, stack")
    public Uni<DriftQueries.SnapshotDiff> diff(@PathParam("id") String id, @QueryParam("against") String against) {
        return queries.diff(id, against);
    }
}
