package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.service.AddOnDirectory;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Serves {@code GET /addon-attachments}: attachments to every app the account can see. */
@Path("/addon-attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentResource {

    private final AddOnDirectory addOns;
    private final AddOnLists lists;

    public AttachmentResource(AddOnDirectory addOns, AddOnLists lists) {
        this.addOns = addOns;
        this.lists = lists;
    }

    @GET
    public Response list(
            RoutingContext rc,
            @HeaderParam(HerokuHeaders.RANGE) String range,
            @HeaderParam(HerokuHeaders.ACCEPT_INCLUSION) String inclusion) {
        return lists.attachments(
                addOns.visibleAttachments(Callers.of(rc)), range, AddOnLists.ACCOUNT_ATTACHMENT_RANGES, inclusion);
    }
}
