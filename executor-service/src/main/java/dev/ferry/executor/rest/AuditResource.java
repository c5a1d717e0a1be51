package dev.ferry.executor.rest;

import dev.ferry.common.security.Roles;
import dev.ferry.executor.service.AuditQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The estate-wide audit trail of plans and migrations, filtered and paged; for anyone who may view. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class AuditResource {
    private final AuditQueries audit;

    public AuditResource(AuditQueries audit) {
        this.audit = audit;
    }

    @GET
    @Operation(
            summary = "Audit entries oldest first, by actor, migration, action and time; paged with limit and offset")
    public Uni<AuditQueries.AuditPage> search(
            @QueryParam("actor") String actor,
            @QueryParam("migration") String migration,
            @QueryParam("since") String since,
            @QueryParam("action") String action,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return audit.search(actor, migration, since, action, limit, offset);
    }
}
