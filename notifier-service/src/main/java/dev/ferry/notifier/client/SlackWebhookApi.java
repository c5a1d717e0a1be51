package dev.ferry.notifier.client;

import dev.ferry.notifier.domain.SlackMessage;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A Slack incoming webhook: one POST of the message JSON to the webhook's own URL, answered
 * {@code ok}.
 */
public interface SlackWebhookApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    Uni<String> post(SlackMessage message);

    /** Turns a refusal into an exception with Slack's error word and its Retry-After. */
    @ClientExceptionMapper
    static SlackException toException(Response response) {
        String word = null;
        try {
            word = response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            // No readable body: the status alone says enough.
        }
        if (word != null) {
            word = word.strip();
            word = word.length() > 100 ? word.substring(0, 100) : word;
        }
        return new SlackException(
                response.getStatus(), word, RetryAfter.parse(response.getHeaderString("Retry-After")));
    }
}
