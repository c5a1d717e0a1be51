package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.service.DatabaseService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** The catalogue of engines and versions that can be provisioned. */
@Path("/database_images")
public class DatabaseImageResource {

    private final DatabaseService databases;
    private final Representer representer;
    private final ResourceRepresenter resources;
    private final HalResponses responses;
    private final Pager pager;

    public DatabaseImageResource(
            DatabaseService databases,
            Representer representer,
            ResourceRepresenter resources,
            HalResponses responses,
            Pager pager) {
        this.databases = databases;
        this.representer = representer;
        this.resources = resources;
        this.responses = responses;
        this.pager = pager;
    }

    @GET
    public Response list(
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/database_images",
                "database_images",
                pager.request(page, perPage).slice(databases.images()),
                i -> resources.image(ctx, i),
                Map.of()));
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(resources.image(HalContext.of(uri, headers), databases.image(id)));
    }
}
