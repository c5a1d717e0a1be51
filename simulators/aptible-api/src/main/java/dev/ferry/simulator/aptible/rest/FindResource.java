package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.service.AccountService;
import dev.ferry.simulator.aptible.service.AppService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Look-ups by handle, which the CLI uses before every app- or environment-scoped command. */
@Path("/find")
public class FindResource {

    private final AccountService accounts;
    private final AppService apps;
    private final Representer representer;
    private final HalResponses responses;

    private final dev.ferry.simulator.aptible.service.DatabaseService databases;
    private final ResourceRepresenter resources;

    public FindResource(
            AccountService accounts,
            AppService apps,
            Representer representer,
            HalResponses responses,
            dev.ferry.simulator.aptible.service.DatabaseService databases,
            ResourceRepresenter resources) {
        this.databases = databases;
        this.resources = resources;
        this.accounts = accounts;
        this.apps = apps;
        this.representer = representer;
        this.responses = responses;
    }

    @GET
    @Path("account")
    public Response account(@QueryParam("handle") String handle, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(representer.account(HalContext.of(uri, headers), accounts.findByHandle(handle)));
    }

    @GET
    @Path("app")
    public Response app(
            @QueryParam("handle") String handle,
            @QueryParam("environment") String environment,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return responses.ok(representer.app(HalContext.of(uri, headers), apps.findByHandle(handle, environment)));
    }

    @GET
    @Path("database")
    public Response database(
            @QueryParam("handle") String handle,
            @QueryParam("environment") String environment,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return responses.ok(
                resources.database(HalContext.of(uri, headers), databases.findByHandle(handle, environment)));
    }
}
