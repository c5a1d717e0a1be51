package dev.ferry.notifier.rest;

import dev.ferry.notifier.domain.DeliveryView;
import dev.ferry.notifier.service.DeliveryQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Shows what people were told in Slack, and what could not be delivered. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
    private final DeliveryQueries queries;

    public DeliveryResource(DeliveryQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Every delivery, newest first; migrationId narrows to one migration")
    public Uni<List<DeliveryView>> list(@QueryParam("migrationId") String migrationId) {
        return queries.list(migrationId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One delivery")
    public Uni<DeliveryView> get(@PathParam("id") String id) {
        return queries.get(id);
    }
}
