package dev.ferry.executor.rest;

import dev.ferry.executor.service.MigrationQueries;
import dev.ferry.executor.service.MigrationStream;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Reads migrations, each step's state, attempts, duration, operations and log, and streams their changes. */
@Path("/api/migrations")
@Produces(MediaType.APPLICATION_JSON)
public class MigrationResource {
    private static final Duration STREAM_EVERY = Duration.ofMillis(500);

    private final MigrationQueries queries;
    private final MigrationStream stream;

    public MigrationResource(MigrationQueries queries, MigrationStream stream) {
        this.queries = queries;
        this.stream = stream;
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

    @GET
    @Path("/{id}/steps/{stepId}")
    @Operation(summary = "One step with its attempts, operations, gate and log")
    public Uni<MigrationQueries.StepDetail> step(@PathParam("id") String id, @PathParam("stepId") String stepId) {
        return queries.step(id, stepId);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: each step change and the migration's status, until it ends")
    public Multi<MigrationStream.Change> events(@PathParam("id") String id) {
        // StreamGuard answers an unknown id with a 404 problem before the stream starts.
        return stream.follow(id, STREAM_EVERY);
    }
}
