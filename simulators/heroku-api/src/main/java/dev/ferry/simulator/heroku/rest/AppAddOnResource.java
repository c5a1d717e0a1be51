package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.service.AddOnDirectory;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Serves {@code GET /apps/{app}/addons}: add-ons attached to one app, shared ones included. */
@Path("/apps/{app}/addons")
@Produces(MediaType.APPLICATION_JSON)
public class AppAddOnResource {

    private final AddOnDirectory addOns;
    private final AddOnLists lists;

    public AppAddOnResource(AddOnDirectory addOns, AddOnLists lists) {
        this.addOns = addOns;
        this.lists = lists;
    }

    @GET
    public Response list(
            RoutingContext rc, @PathParam("app") String app, @HeaderParam(HerokuHeaders.RANGE) String range) {
        return lists.addOns(addOns.addOnsOf(Callers.of(rc), app), range);
    }
}
