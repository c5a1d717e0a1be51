package dev.ferry.simulator.slack.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import dev.ferry.simulator.slack.domain.SlackError;
import dev.ferry.simulator.slack.service.InteractionSigner;
import dev.ferry.simulator.slack.service.MessageLog;
import dev.ferry.simulator.slack.service.PayloadChecker;
import dev.ferry.simulator.slack.service.RateLimiter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * Interactivity for tests and demos: signed click requests to send to Ferry, the response_urls
 * they carry, and the per-channel rate limit switch.
 */
@Path("/_receiver")
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {
    private final InteractionSigner signer;
    private final MessageLog log;
    private final RateLimiter limiter;
    private final ObjectMapper json;

    public InteractionResource(InteractionSigner signer, MessageLog log, RateLimiter limiter, ObjectMapper json) {
        this.signer = signer;
        this.log = log;
        this.limiter = limiter;
        this.json = json;
    }

    /** Builds and signs the block_actions request a click on a recorded message's button would send. */
    @POST
    @Path("interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sign(InteractionSigner.Click click, @Context UriInfo uri) {
        try {
            return Response.ok(signer.sign(click, uri.getBaseUri().toString())).build();
        } catch (SlackError e) {
            return Response.status(400)
                    .entity(Map.of("error", e.word(), "detail", e.getMessage()))
                    .build();
        }
    }

    /** A response_url: replaces the clicked message or answers the clicker, like Slack's. */
    @POST
    @Path("response/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response respond(@PathParam("id") String id, String body) {
        if (!signer.knows(id)) {
            return Response.status(404)
                    .entity(Map.of("ok", false, "error", "no_such_response_url"))
                    .build();
        }
        try {
            JsonNode payload = json.readTree(body == null || body.isBlank() ? "{}" : body);
            if (!payload.path("delete_original").asBoolean(false)) {
                PayloadChecker.check(payload);
            }
            log.record(RecordedMessage.VIA_RESPONSE_URL, "/_receiver/response/" + id, payload);
            return Response.ok(Map.of("ok", true)).build();
        } catch (JsonProcessingException e) {
            return Response.status(400)
                    .entity(Map.of("ok", false, "error", "invalid_json"))
                    .build();
        } catch (SlackError e) {
            return Response.status(400)
                    .entity(Map.of("ok", false, "error", e.word(), "detail", e.getMessage()))
                    .build();
        }
    }

    /** The per-channel limit and how many messages it admitted and refused since it was set. */
    @GET
    @Path("rate-limit")
    public Map<String, Object> rateLimit() {
        return limiter.status();
    }

    /** Sets the per-channel limit: {@code {"perChannelPerSecond": 1}}; 0 turns it off. */
    @POST
    @Path("rate-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setRateLimit(Map<String, Integer> body) {
        Integer perSecond = body == null ? null : body.get("perChannelPerSecond");
        if (perSecond == null || perSecond < 0) {
            return Response.status(400)
                    .entity(Map.of("error", "invalid_arguments", "detail", "perChannelPerSecond must be 0 or more"))
                    .build();
        }
        limiter.set(perSecond);
        return Response.ok(limiter.status()).build();
    }
}
