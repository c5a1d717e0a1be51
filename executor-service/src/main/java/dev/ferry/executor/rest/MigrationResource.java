package dev.ferry.executor.rest;

import dev.ferry.executor.service.MigrationQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Reads migrations and the state, duration and outcome of each step. */
@Path("/api/migrations")
@Produces(MediaType.APPLICATION_JSON)
public class MigrationResource {
    private final MigrationQueries queries;

    public MigrationResource(MigrationQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Every migration, newest first")
    public Uni<List<MigrationQueries.MigrationSummary>> list() {
        return queries.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A migration with its steps")
    public Uni<MigrationQueries.MigrationDetail> get(@PathParam("id") String id) {
        return queries.get(id);
    }
}
