package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.service.OperationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Single operations, which clients poll until {@code succeeded} or {@code failed}. */
@Path("/operations")
public class OperationResource {

    private final OperationService operations;
    private final Representer representer;
    private final HalResponses responses;

    private final JsonBodies bodies;

    public OperationResource(
            OperationService operations, Representer representer, HalResponses responses, JsonBodies bodies) {
        this.bodies = bodies;
        this.operations = operations;
        this.representer = representer;
        this.responses = responses;
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(representer.operation(HalContext.of(uri, headers), operations.get(id)));
    }

    /** {@code {"cancelled": true}} cancels a queued or running operation, which then ends failed. */
    @PUT
    @Path("{id: \\d+}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode json = bodies.object(body);
        if (!Boolean.TRUE.equals(JsonBodies.bool(json, "cancelled"))) {
            throw ApiException.unprocessable("Only {\"cancelled\": true} can be changed on an operation");
        }
        return responses.ok(representer.operation(HalContext.of(uri, headers), operations.cancel(id)));
    }

    @PATCH
    @Path("{id: \\d+}")
    @Consumes(MediaType.WILDCARD)
    public Response patch(@PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return update(id, body, uri, headers);
    }

    /**
     * As on the real API, the answer is a short-lived URL (as text) where the finished log can be read;
     * here it is served by the simulator itself without a token, like a presigned S3 URL.
     */
    @GET
    @Path("{id: \\d+}/logs")
    public Response logs(@PathParam("id") long id, @Context UriInfo uri) {
        operations.get(id);
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return Response.ok(base + "/_simulator/operation_logs/" + id, MediaType.TEXT_PLAIN)
                .build();
    }
}
