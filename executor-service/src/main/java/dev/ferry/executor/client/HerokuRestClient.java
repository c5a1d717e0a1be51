package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Heroku Platform and Data API calls of the source side, against absolute URLs because the Data API
 * lives on its own host.
 */
@RegisterRestClient(configKey = "heroku")
@Produces("application/vnd.heroku+json; version=3")
@Consumes(MediaType.APPLICATION_JSON)
interface HerokuRestClient {

    @GET
    Uni<JsonNode> get(@Url String url, @HeaderParam("Authorization") String auth);

    @PATCH
    Uni<JsonNode> patch(@Url String url, @HeaderParam("Authorization") String auth, Map<String, Object> body);

    @POST
    Uni<JsonNode> post(@Url String url, @HeaderParam("Authorization") String auth, Map<String, Object> body);

    /** Keeps Heroku's {@code {id, message}} error bodies. */
    @ClientExceptionMapper
    static HerokuApiException toException(Response response) {
        JsonNode body = null;
        try {
            body = response.readEntity(JsonNode.class);
        } catch (RuntimeException unreadable) {
            // not Heroku's error shape
        }
        return new HerokuApiException(
                response.getStatus(),
                body == null ? null : body.path("id").asText(null),
                body == null ? "no error body" : body.path("message").asText("no message"));
    }
}
