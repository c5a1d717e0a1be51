package dev.ferry.simulator.slack.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.slack.domain.RateLimited;
import dev.ferry.simulator.slack.domain.SlackError;
import dev.ferry.simulator.slack.service.WebhookService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Incoming webhooks ({@code hooks.slack.com/services/T.../B.../secret}): {@code 200 ok} for a valid
 * payload, {@code 400} with Slack's error word otherwise.
 */
@Path("/services/{team}/{bot}/{secret}")
public class WebhookResource {

    /** Header carrying why a payload was refused; Slack itself sends only the word. */
    public static final String DETAIL_HEADER = "X-Slack-Receiver-Detail";

    private final WebhookService webhooks;
    private final ObjectMapper json;

    public WebhookResource(WebhookService webhooks, ObjectMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    /** Takes the JSON body, or a form with a {@code payload} field as older clients send. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(
            @PathParam("team") String team,
            @PathParam("bot") String bot,
            @PathParam("secret") String secret,
            String body,
            @Context HttpHeaders headers) {
        String path = "/services/" + team + "/" + bot + "/" + secret;
        try {
            String raw =
                    Forms.isForm(headers.getMediaType()) ? Forms.decode(body).get("payload") : body;
            webhooks.post(path, parse(raw));
            return Response.ok("ok", MediaType.TEXT_PLAIN_TYPE).build();
        } catch (RateLimited e) {
            return Response.status(429)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .header("Retry-After", String.valueOf(RateLimited.RETRY_AFTER_SECONDS))
                    .header(DETAIL_HEADER, e.getMessage())
                    .entity("rate_limited")
                    .build();
        } catch (SlackError e) {
            return Response.status(400)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .header(DETAIL_HEADER, e.getMessage())
                    .entity(e.word())
                    .build();
        }
    }

    private JsonNode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new SlackError("invalid_payload", "the body is empty");
        }
        try {
            return json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new SlackError("invalid_payload", "the body is not valid JSON");
        }
    }
}
