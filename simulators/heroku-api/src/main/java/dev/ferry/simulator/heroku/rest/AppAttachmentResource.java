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

/** Serves {@code GET /apps/{app}/addon-attachments}: how add-ons are exposed to one app. */
@Path("/apps/{app}/addon-attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AppAttachmentResource {

    private final AddOnDirectory addOns;
    private final AddOnLists lists;

    public AppAttachmentResource(AddOnDirectory addOns, AddOnLists lists) {
        this.addOns = addOns;
        this.lists = lists;
    }

    @GET
    public Response list(
            RoutingContext rc,
            @PathParam("app") String app,
            @HeaderParam(HerokuHeaders.RANGE) String range,
            @HeaderParam(HerokuHeaders.ACCEPT_INCLUSION) String inclusion) {
        return lists.attachments(
                addOns.attachmentsOf(Callers.of(rc), app), range, AddOnLists.APP_ATTACHMENT_RANGES, inclusion);
    }
}
