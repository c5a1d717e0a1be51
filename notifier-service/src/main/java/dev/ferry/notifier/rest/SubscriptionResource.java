package dev.ferry.notifier.rest;

import dev.ferry.notifier.domain.SubscriptionRequest;
import dev.ferry.notifier.domain.SubscriptionView;
import dev.ferry.notifier.service.SubscriptionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who hears about what in Slack: subscriptions, with their secrets redacted. */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
    private final SubscriptionService subscriptions;

    public SubscriptionResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    @Operation(summary = "Every subscription in force, the default from configuration first")
    public List<SubscriptionView> list() {
        return subscriptions.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.get(id);
    }

    @POST
    @Operation(summary = "Create a subscription (webhookUrl, or botToken and channel); secrets are sealed")
    public Response create(
            SubscriptionRequest request, @HeaderParam("X-Ferry-Identity") @DefaultValue("api") String by) {
        SubscriptionView view = subscriptions.create(request, by);
        return Response.created(URI.create("/api/subscriptions/" + view.id()))
                .entity(view)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a subscription")
    public SubscriptionView replace(
            @PathParam("id") String id,
            SubscriptionRequest request,
            @HeaderParam("X-Ferry-Identity") @DefaultValue("api") String by) {
        return subscriptions.replace(id, request, by);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription; queued messages for it are parked")
    public Response delete(
            @PathParam("id") String id, @HeaderParam("X-Ferry-Identity") @DefaultValue("api") String by) {
        subscriptions.delete(id, by);
        return Response.noContent().build();
    }
}
