package dev.ferry.inventory.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Heroku Data API ({@code api.data.heroku.com}) endpoints discovery reads: Postgres and Redis
 * facts the Platform API does not have. Same bearer token; answers come back raw like {@link
 * HerokuRestClient}'s.
 */
@RegisterRestClient(configKey = "heroku-data")
@ClientHeaderParam(name = "Accept", value = "application/json")
interface HerokuDataRestClient {

    @GET
    @Path("/client/v11/databases/{addon}")
    Uni<Response> postgres(
            @HeaderParam("Authorization") String authorization,
            @PathParam("addon") String addon,
            @HeaderParam("If-None-Match") String etag);

    @GET
    @Path("/redis/v0/databases/{addon}")
    Uni<Response> redis(
            @HeaderParam("Authorization") String authorization,
            @PathParam("addon") String addon,
            @HeaderParam("If-None-Match") String etag);

    @ClientExceptionMapper
    static HerokuApiException toException(Response response) {
        return HerokuApiException.of(response);
    }
}
