package dev.ferry.executor.rest;

import dev.ferry.common.security.Roles;
import dev.ferry.executor.service.AuditQueries;
import dev.ferry.executor.service.EvidencePacks;
import dev.ferry.executor.service.MigrationQueries;
import dev.ferry.executor.service.MigrationStream;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Reads migrations, each step's state, attempts, duration, operations and log, their audit trail and
 * evidence pack, and streams their changes; for anyone who may view.
 */
@Path("/api/migrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class MigrationResource {
    private static final Duration STREAM_EVERY = Duration.ofMillis(500);

    private final MigrationQueries queries;
    private final MigrationStream stream;
    private final AuditQueries audit;
    private final EvidencePacks evidence;

    public MigrationResource(
            MigrationQueries queries, MigrationStream stream, AuditQueries audit, EvidencePacks evidence) {
        this.queries = queries;
        this.stream = stream;
        this.audit = audit;
        this.evidence = evidence;
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

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "Who requested, approved, paused, resumed, retried, cancelled or rolled back what, and when")
    public Uni<AuditQueries.MigrationAudit> audit(@PathParam("id") String id) {
        return audit.of(id);
    }

    @GET
    @Path("/{id}/evidence")
    @Operation(summary = "The migration's evidence pack as one JSON document with a SHA-256 digest of its content")
    public Uni<Response> evidence(@PathParam("id") String id) {
        return evidence.of(id)
                .map(pack -> Response.ok(pack.json(), MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=ferry-evidence-" + id + ".json")
                        .build());
    }
}
