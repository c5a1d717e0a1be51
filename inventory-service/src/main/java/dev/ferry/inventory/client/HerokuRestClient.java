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
    String ACCEPT_SDK = "application/vnd.heroku+json; version=3.sdk";
    String ACCEPT_WEBHOOKS = "application/vnd.heroku+json; version=3.webhooks";
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

    /** The SDK variant adds each app's buildpacks, saving a call per app. */
    @GET
    @Path("/apps")
    @ClientHeaderParam(name = "Accept", value = ACCEPT_SDK)
    Uni<Response> appsSdk(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    @GET
    @Path("/apps/{app}")
    @ClientHeaderParam(name = "Accept", value = ACCEPT_SDK)
    Uni<Response> appSdk(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @HeaderParam("If-None-Match") String etag);

    @GET
    @Path("/teams/{team}/apps")
    @ClientHeaderParam(name = "Accept", value = ACCEPT_SDK)
    Uni<Response> teamApps(
            @HeaderParam("Authorization") String authorization,
            @PathParam("team") String team,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    /** Account-wide lists and single resources without path parameters, e.g. {@code teams}. */
    @GET
    @Path("/{resource}")
    Uni<Response> list(
            @HeaderParam("Authorization") String authorization,
            @PathParam("resource") String resource,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    /** Add-on attachments with the names of the config vars each one sets. */
    @GET
    @Path("/addon-attachments")
    @ClientHeaderParam(name = "Accept-Inclusion", value = "addon:plan,config_vars")
    Uni<Response> attachments(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    /** A list under an app, e.g. {@code domains}, {@code releases}. */
    @GET
    @Path("/apps/{app}/{resource}")
    Uni<Response> appList(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @PathParam("resource") String resource,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    /** Webhooks are documented with the {@code 3.webhooks} variant. */
    @GET
    @Path("/apps/{app}/webhooks")
    @ClientHeaderParam(name = "Accept", value = ACCEPT_WEBHOOKS)
    Uni<Response> webhooks(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String etag);

    /** A resource of a Private Space: {@code inbound-ruleset}, {@code nat}, {@code peerings}, {@code vpn-connections}. */
    @GET
    @Path("/spaces/{space}/{resource}")
    Uni<Response> spaceResource(
            @HeaderParam("Authorization") String authorization,
            @PathParam("space") String space,
            @PathParam("resource") String resource,
            @HeaderParam("If-None-Match") String etag);

    /** Turns Heroku's {@code {id, message}} error bodies into exceptions that keep both. */
    @ClientExceptionMapper
    static HerokuApiException toException(Response response) {
        return HerokuApiException.of(response);
    }
}
