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
 * The Heroku Platform API v3 endpoints discovery calls. Answers come back raw so {@link
 * HerokuClient} can read {@code RateLimit-Remaining}, {@code ETag} and {@code Next-Range} and
 * handle 304s; error statuses become {@link HerokuApiException}s.
 */
@RegisterRestClient(configKey = "heroku")
@ClientHeaderParam(name = "Accept", value = HerokuRestClient.ACCEPT)
interface HerokuRestClient {
    String ACCEPT = "application/vnd.heroku+json; version=3";
    String RATE_LIMIT_REMAINING = "RateLimit-Remaining";

    @GET
    @Path("/account")
    Uni<Response> account(
            @HeaderParam("Authorization") String authorization, @HeaderParam("If-None-Match") String etag);

    /** Free: Heroku does not charge it to the rate limit. */
    @GET
    @Path("/account/rate-limits")
    Uni<HerokuDtos.RateLimits> rateLimits(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/apps")
    Uni<Response> apps(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    @GET
    @Path("/apps/{app}")
    Uni<Response> app(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @HeaderParam("If-None-Match") String etag);

    @GET
    @Path("/apps/{app}/formation")
    Uni<Response> formation(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    @GET
    @Path("/apps/{app}/config-vars")
    Uni<Response> configVars(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @HeaderParam("If-None-Match") String etag);

    @GET
    @Path("/apps/{app}/addons")
    Uni<Response> addons(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    /** Turns Heroku's {@code {id, message}} error bodies into exceptions that keep both. */
    @ClientExceptionMapper
    static HerokuApiException toException(Response response) {
        return HerokuApiException.of(response);
    }
}
