package dev.ferry.notifier.rest;

import dev.ferry.notifier.service.InteractionService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Slack's interactivity request URL: clicks on Ferry's buttons arrive here, signed by Slack.
 *
 * <p>{@code @PermitAll} because Slack sends no bearer token: the request is authenticated by Slack's
 * {@code v0} signature (HMAC-SHA256 with the app's signing secret, at most 5 minutes old, never
 * replayed), which {@link InteractionService#handle} checks before it reads anything else; the person
 * who clicked is then authorised through the Slack user mapping (approver or operator), not a token.
 */
@Path("/api/slack/interactions")
@PermitAll
public class SlackInteractionResource {
    private final InteractionService interactions;

    public SlackInteractionResource(InteractionService interactions) {
        this.interactions = interactions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signed block_actions request; appends ApprovePlan, RejectPlan, ApproveGate or RetryStep")
    public InteractionService.Outcome interact(
            String body,
            @HeaderParam("X-Slack-Request-Timestamp") String timestamp,
            @HeaderParam("X-Slack-Signature") String signature) {
        return interactions.handle(body, timestamp, signature);
    }
}
