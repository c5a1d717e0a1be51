package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.service.LogDrainService;
import dev.ferry.simulator.aptible.service.OperationService;
import dev.ferry.simulator.aptible.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** Log drains and their provision and deprovision operations. */
@Path("/log_drains")
public class LogDrainResource {

    private final LogDrainService service;
    private final OperationService operations;
    private final TokenService tokens;
    private final Representer representer;
    private final ResourceRepresenter resources;
    private final HalResponses responses;
    private final JsonBodies bodies;
    private final Pager pager;

    public LogDrainResource(
            LogDrainService service,
            OperationService operations,
            TokenService tokens,
            Representer representer,
            ResourceRepresenter resources,
            HalResponses responses,
            JsonBodies bodies,
            Pager pager) {
        this.service = service;
        this.operations = operations;
        this.tokens = tokens;
        this.representer = representer;
        this.resources = resources;
        this.responses = responses;
        this.bodies = bodies;
        this.pager = pager;
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(resources.logDrain(HalContext.of(uri, headers), service.get(id)));
    }

    @GET
    @Path("{id: \\d+}/operations")
    public Response operations(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/log_drains/" + id + "/operations",
                "operations",
                pager.request(page, perPage).slice(operations.forLogDrain(id)),
                o -> representer.operation(ctx, o),
                Map.of("resource", "/log_drains/" + id)));
    }

    @POST
    @Path("{id: \\d+}/operations")
    @Consumes(MediaType.WILDCARD)
    public Response createOperation(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        AccessToken token = tokens.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        var request = OperationBodies.read(bodies.object(body));
        return responses.created(
                representer.operation(HalContext.of(uri, headers), operations.createForLogDrain(id, request, token)));
    }
}
