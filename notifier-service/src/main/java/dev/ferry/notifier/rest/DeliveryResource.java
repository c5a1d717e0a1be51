package dev.ferry.notifier.rest;

import dev.ferry.common.security.Roles;
import dev.ferry.notifier.domain.DeliveryView;
import dev.ferry.notifier.repository.DeliveryLedger;
import dev.ferry.notifier.service.DeliveryLanes;
import dev.ferry.notifier.service.DeliveryQueries;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Shows what people were told in Slack, what was parked, and what is still on its way; a read for
 * every viewer (channels by name or fingerprint, never a webhook URL or token).
 */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class DeliveryResource {
    private final DeliveryQueries queries;
    private final DeliveryLedger ledger;
    private final DeliveryLanes lanes;

    public DeliveryResource(DeliveryQueries queries, DeliveryLedger ledger, DeliveryLanes lanes) {
        this.queries = queries;
        this.ledger = ledger;
        this.lanes = lanes;
    }

    @GET
    @Operation(
            summary = "Deliveries, newest first; narrowed by migrationId, subscriptionId, status (delivered, parked)")
    public Uni<List<DeliveryView>> list(
            @QueryParam("migrationId") String migrationId,
            @QueryParam("subscriptionId") String subscriptionId,
            @QueryParam("status") String status) {
        return queries.list(migrationId, subscriptionId, status);
    }

    @GET
    @Path("/queue")
    @Blocking
    @Operation(summary = "Claims by status: queued, sending, delivered, parked, unknown (stopped mid-post)")
    public Map<String, Long> queue() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : ledger.counts()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    @GET
    @Path("/lanes")
    @Operation(summary = "Each channel's lane: messages waiting, posted, and average claim, post and record times")
    public List<DeliveryLanes.LaneView> lanes() {
        return lanes.views();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One delivery")
    public Uni<DeliveryView> get(@PathParam("id") String id) {
        return queries.get(id);
    }
}
