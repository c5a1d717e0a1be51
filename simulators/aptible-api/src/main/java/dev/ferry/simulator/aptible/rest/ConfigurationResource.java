package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.service.AppService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Single configurations, the target of an app's {@code current_configuration} link. */
@Path("/configurations")
public class ConfigurationResource {

    private final AppService apps;
    private final Representer representer;
    private final HalResponses responses;

    public ConfigurationResource(AppService apps, Representer representer, HalResponses responses) {
        this.apps = apps;
        this.representer = representer;
        this.responses = responses;
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(representer.configuration(HalContext.of(uri, headers), apps.configuration(id)));
    }
}
