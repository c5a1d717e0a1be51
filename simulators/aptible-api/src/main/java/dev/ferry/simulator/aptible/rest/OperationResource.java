package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.service.OperationService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Single operations, which clients poll until {@code succeeded} or {@code failed}. */
@Path("/operations")
public class OperationResource {

    private final OperationService operations;
    private final Representer representer;
    private final HalResponses responses;

    public OperationResource(OperationService operations, Representer representer, HalResponses responses) {
        this.operations = operations;
        this.representer = representer;
        this.responses = responses;
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(representer.operation(HalContext.of(uri, headers), operations.get(id)));
    }
}
