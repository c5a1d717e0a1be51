package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The Aptible API endpoints the executor calls; bodies stay HAL+JSON trees. */
@RegisterRestClient(configKey = "aptible")
@Produces("application/hal+json")
@Consumes(MediaType.APPLICATION_JSON)
interface AptibleRestClient {

    @POST
    @Path("/tokens")
    Uni<JsonNode> token(Map<String, Object> body);

    @GET
    @Path("/find/account")
    Uni<JsonNode> findAccount(@HeaderParam("Authorization") String auth, @QueryParam("handle") String handle);

    @POST
    @Path("/accounts")
    Uni<JsonNode> createAccount(@HeaderParam("Authorization") String auth, Map<String, Object> body);

    @GET
    @Path("/find/app")
    Uni<JsonNode> findApp(
            @HeaderParam("Authorization") String auth,
            @QueryParam("handle") String handle,
            @QueryParam("environment") String environment);

    @POST
    @Path("/accounts/{id}/apps")
    Uni<JsonNode> createApp(
            @HeaderParam("Authorization") String auth, @PathParam("id") long accountId, Map<String, Object> body);

    @GET
    @Path("/apps/{id}")
    Uni<JsonNode> app(@HeaderParam("Authorization") String auth, @PathParam("id") long appId);

    @GET
    @Path("/apps/{id}/operations")
    Uni<JsonNode> appOperations(@HeaderParam("Authorization") String auth, @PathParam("id") long appId);

    @POST
    @Path("/apps/{id}/operations")
    Uni<JsonNode> createOperation(
            @HeaderParam("Authorization") String auth, @PathParam("id") long appId, Map<String, Object> body);

    @GET
    @Path("/operations/{id}")
    Uni<JsonNode> operation(@HeaderParam("Authorization") String auth, @PathParam("id") long operationId);

    @GET
    @Path("/configurations/{id}")
    Uni<JsonNode> configuration(@HeaderParam("Authorization") String auth, @PathParam("id") long configurationId);

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
