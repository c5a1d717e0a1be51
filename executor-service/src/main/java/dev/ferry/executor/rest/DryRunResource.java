package dev.ferry.executor.rest;

import dev.ferry.common.security.Roles;
import dev.ferry.executor.service.DryRun;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Checks a plan version against Aptible without changing anything; an operator's tool before a run. */
@Path("/api/plans/{planId}/versions/{version}/dry-run")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class DryRunResource {
    private final DryRun dryRun;

    public DryRunResource(DryRun dryRun) {
        this.dryRun = dryRun;
    }

    @POST
    @Operation(summary = "Run every step's dry run against the target; returns the problems per step")
    public Uni<DryRun.Report> check(@PathParam("planId") String planId, @PathParam("version") int version) {
        return dryRun.check(planId, version);
    }
}
