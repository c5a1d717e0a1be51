package dev.ferry.simulator.aptible.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** The API root: a HAL index of the top-level collections, where clients start. */
@Path("/")
public class RootResource {

    private final HalResponses responses;

    public RootResource(HalResponses responses) {
        this.responses = responses;
    }

    @GET
    public Response index(@Context UriInfo uri, @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(Map.of(
                "_links",
                Links.self(ctx, "/")
                        .add("accounts", "/accounts")
                        .add("apps", "/apps")
                        .add("stacks", "/stacks")
                        .add("find_account", "/find/account")
                        .add("find_app", "/find/app")
                        .build()));
    }
}
