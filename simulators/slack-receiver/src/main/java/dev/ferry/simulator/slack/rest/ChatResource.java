package dev.ferry.simulator.slack.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.slack.domain.RateLimited;
import dev.ferry.simulator.slack.domain.SlackError;
import dev.ferry.simulator.slack.service.ChatService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The Web API surface: {@code chat.postMessage} and {@code chat.update}; other methods answer
 * {@code unknown_method}.
 */
@Path("/api")
public class ChatResource {

    private static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final ChatService chat;
    private final ObjectMapper json;

    public ChatResource(ChatService chat, ObjectMapper json) {
        this.chat = chat;
        this.json = json;
    }

    /** Always HTTP 200, with {@code ok} telling success, as Slack's Web API does. */
    @POST
    @Path("chat.postMessage")
    @Consumes(MediaType.WILDCARD)
    public Response postMessage(String body, @Context HttpHeaders headers) {
        try {
            ObjectNode payload = Forms.isForm(headers.getMediaType()) ? fromForm(body) : fromJson(body);
            return ok(chat.post(headers.getHeaderString(HttpHeaders.AUTHORIZATION), payload));
        } catch (RateLimited e) {
            return rateLimited(e);
        } catch (SlackError e) {
            return ok(refusal(e));
        }
    }

    /** Replaces a posted message; always HTTP 200 like Slack, except 429 when rate limited. */
    @POST
    @Path("chat.update")
    @Consumes(MediaType.WILDCARD)
    public Response update(String body, @Context HttpHeaders headers) {
        try {
            ObjectNode payload = Forms.isForm(headers.getMediaType()) ? fromForm(body) : fromJson(body);
            return ok(chat.update(headers.getHeaderString(HttpHeaders.AUTHORIZATION), payload));
        } catch (RateLimited e) {
            return rateLimited(e);
        } catch (SlackError e) {
            return ok(refusal(e));
        }
    }

    @POST
    @Path("{method}")
    @Consumes(MediaType.WILDCARD)
    public Response otherPost(@PathParam("method") String method) {
        return ok(refusal(new SlackError("unknown_method", "unknown method " + method)));
    }

    @GET
    @Path("{method}")
    public Response otherGet(@PathParam("method") String method) {
        return otherPost(method);
    }

    private ObjectNode refusal(SlackError e) {
        ObjectNode answer = json.createObjectNode();
        answer.put("ok", false);
        answer.put("error", e.word());
        answer.putObject("response_metadata").putArray("messages").add("[ERROR] " + e.getMessage());
        return answer;
    }

    private ObjectNode fromJson(String body) {
        JsonNode node;
        try {
            node = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new SlackError("invalid_json", "the body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new SlackError("json_not_object", "the body must be a JSON object");
        }
        return object;
    }

    /** Form arguments; {@code blocks} and {@code attachments} are JSON-encoded strings. */
    private ObjectNode fromForm(String body) {
        ObjectNode payload = json.createObjectNode();
        for (Map.Entry<String, String> e : Forms.decode(body).entrySet()) {
            if (e.getKey().equals("blocks") || e.getKey().equals("attachments")) {
                try {
                    payload.set(e.getKey(), json.readTree(e.getValue()));
                } catch (JsonProcessingException ex) {
                    throw new SlackError("invalid_" + e.getKey(), e.getKey() + " is not JSON");
                }
            } else {
                payload.put(e.getKey(), e.getValue());
            }
        }
        return payload;
    }

    /** Slack answers a rate-limited Web API call with HTTP 429, Retry-After and ok:false. */
    private Response rateLimited(RateLimited e) {
        return Response.status(429)
                .header("Retry-After", String.valueOf(RateLimited.RETRY_AFTER_SECONDS))
                .type(JSON_UTF8)
                .entity(refusal(e).toString())
                .build();
    }

    private static Response ok(ObjectNode answer) {
        return Response.ok(answer.toString(), JSON_UTF8).build();
    }
}
