package dev.ferry.inventory.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The Heroku Platform API v3 endpoints discovery calls. */
@RegisterRestClient(configKey = "heroku")
@ClientHeaderParam(name = "Accept", value = HerokuRestClient.ACCEPT)
interface HerokuRestClient {
    String ACCEPT = "application/vnd.heroku+json; version=3";

    @GET
    @Path("/account")
    Uni<HerokuDtos.Account> account(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/apps")
    Uni<RestResponse<List<HerokuDtos.App>>> apps(
            @HeaderParam("Authorization") String authorization, @HeaderParam("Range") String range);

    @GET
    @Path("/apps/{app}")
    Uni<HerokuDtos.App> app(@HeaderParam("Authorization") String authorization, @PathParam("app") String app);

    @GET
    @Path("/apps/{app}/formation")
    Uni<RestResponse<List<HerokuDtos.Formation>>> formation(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @HeaderParam("Range") String range);

    @GET
    @Path("/apps/{app}/config-vars")
    Uni<Map<String, String>> configVars(
            @HeaderParam("Authorization") String authorization, @PathParam("app") String app);

    @GET
    @Path("/apps/{app}/addons")
    Uni<RestResponse<List<HerokuDtos.AddOn>>> addons(
            @HeaderParam("Authorization") String authorization,
            @PathParam("app") String app,
            @HeaderParam("Range") String range);

    /** Turns Heroku's {@code {id, message}} error bodies into exceptions that keep both. */
    @ClientExceptionMapper
    static HerokuApiException toException(Response response) {
        HerokuDtos.Error error = null;
        try {
            error = response.readEntity(HerokuDtos.Error.class);
        } catch (RuntimeException unreadable) {
            // Not Heroku's error shape: report the status alone.
        }
        return new HerokuApiException(
                response.getStatus(),
                error == null ? null : error.id(),
                error == null || error.message() == null ? "no error body" : error.message());
    }
}
