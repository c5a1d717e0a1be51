package dev.ferry.common.projection;

import dev.ferry.common.security.Roles;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Lets an administrator drop and rebuild this service's projection from the event log. */
@Path("/api/admin/projection")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ProjectionAdminResource {
    private final ProjectionReplayer replayer;

    public ProjectionAdminResource(ProjectionReplayer replayer) {
        this.replayer = replayer;
    }

    @POST
    @NonBlocking
    @Path("/rebuild")
    @Operation(summary = "Drop the projection and replay its topics from the beginning")
    public Uni<ProjectionReplayer.ReplayResult> rebuild() {
        return replayer.rebuild();
    }
}
