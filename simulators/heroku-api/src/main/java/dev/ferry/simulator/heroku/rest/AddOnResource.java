package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.service.AddOnDirectory;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Serves {@code GET /addons}: every add-on the account can see. */
@Path("/addons")
@Produces(MediaType.APPLICATION_JSON)
public class AddOnResource {

    private final AddOnDirectory addOns;
    private final AddOnLists lists;

    public AddOnResource(AddOnDirectory addOns, AddOnLists lists) {
        this.addOns = addOns;
        this.lists = lists;
    }

    @GET
    public Response list(RoutingContext rc, @HeaderParam(HerokuHeaders.RANGE) String range) {
        return lists.addOns(addOns.visibleAddOns(Callers.of(rc)), range);
    }
}
