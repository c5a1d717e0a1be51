package dev.ferry.notifier.rest;

import dev.ferry.common.security.CurrentUser;
import dev.ferry.common.security.Roles;
import dev.ferry.notifier.domain.SubscriptionRequest;
import dev.ferry.notifier.domain.SubscriptionView;
import dev.ferry.notifier.service.SubscriptionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * Who hears about what in Slack: subscriptions, with their secrets redacted. Administrators only,
 * reads included: a subscription holds a webhook URL or bot token (shown as fingerprints), and where
 * messages go is configuration, not migration state; viewers see every message sent in the delivery
 * history.
 */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SubscriptionResource {
    private final SubscriptionService subscriptions;
    private final CurrentUser caller;

    public SubscriptionResource(SubscriptionService subscriptions, CurrentUser caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
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
    public Response create(SubscriptionRequest request) {
        SubscriptionView view = subscriptions.create(request, caller.name());
        return Response.created(URI.create("/api/subscriptions/" + view.id()))
                .entity(view)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a subscription")
    public SubscriptionView replace(@PathParam("id") String id, SubscriptionRequest request) {
        return subscriptions.replace(id, request, caller.name());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription; queued messages for it are parked")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(id, caller.name());
        return Response.noContent().build();
    }
}
