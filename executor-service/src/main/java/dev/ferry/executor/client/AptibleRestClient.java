package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The HTTP verbs the executor uses on Aptible, each against an absolute URL, because HAL answers name
 * every related resource and page by its {@code href}; bodies stay HAL+JSON trees.
 */
@RegisterRestClient(configKey = "aptible")
@Produces("application/hal+json")
@Consumes(MediaType.APPLICATION_JSON)
interface AptibleRestClient {

    @POST
    @Path("/tokens")
    Uni<JsonNode> token(Map<String, Object> body);

    @GET
    Uni<JsonNode> get(@Url String url, @HeaderParam("Authorization") String auth, @HeaderParam("Prefer") String prefer);

    @POST
    Uni<JsonNode> post(@Url String url, @HeaderParam("Authorization") String auth, Map<String, Object> body);

    @PUT
    Uni<JsonNode> put(@Url String url, @HeaderParam("Authorization") String auth, Map<String, Object> body);

    @DELETE
    Uni<Response> delete(@Url String url, @HeaderParam("Authorization") String auth);

    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    Uni<String> text(@Url String url, @HeaderParam("Authorization") String auth);

    /** Keeps Aptible's {@code {code, error, message}} error bodies. */
    @ClientExceptionMapper
    static AptibleApiException toException(Response response) {
        JsonNode body = null;
        try {
            body = response.readEntity(JsonNode.class);
        } catch (RuntimeException unreadable) {
            // Not Aptible's error shape: report the status alone.
        }
        return new AptibleApiException(
                response.getStatus(),
                body == null ? null : body.path("error").asText(null),
                body == null ? "no error body" : body.path("message").asText("no message"));
    }
}
