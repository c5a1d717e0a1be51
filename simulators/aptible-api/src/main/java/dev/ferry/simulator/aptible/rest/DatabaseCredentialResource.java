package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.service.DatabaseService;
import dev.ferry.simulator.aptible.service.EndpointService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A database credential: its type and, unless asked not to, its connection URL. */
@Path("/database_credentials")
public class DatabaseCredentialResource {

    private final DatabaseService databases;
    private final EndpointService endpoints;
    private final ResourceRepresenter resources;
    private final HalResponses responses;

    public DatabaseCredentialResource(
            DatabaseService databases,
            EndpointService endpoints,
            ResourceRepresenter resources,
            HalResponses responses) {
        this.databases = databases;
        this.endpoints = endpoints;
        this.resources = resources;
        this.responses = responses;
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(resources.credential(HalContext.of(uri, headers), databases.credential(id)));
    }
}
