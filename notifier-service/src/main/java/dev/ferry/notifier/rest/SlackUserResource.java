package dev.ferry.notifier.rest;

import dev.ferry.common.security.CurrentUser;
import dev.ferry.common.security.Roles;
import dev.ferry.notifier.domain.SlackUser;
import dev.ferry.notifier.service.SlackUserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Which Slack users are known to Ferry, as whom, and with which roles. Administrators only: a mapping
 * decides who may approve from Slack, so reading it tells which Slack accounts are worth taking over.
 */
@Path("/api/slack/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SlackUserResource {
    private final SlackUserService users;
    private final CurrentUser caller;

    public SlackUserResource(SlackUserService users, CurrentUser caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every known Slack user, configured and mapped over REST")
    public List<SlackUser> list() {
        return users.list();
    }

    @PUT
    @Path("/{slackUserId}")
    @Operation(summary = "Map a Slack user to a Ferry identity with roles (approver, operator, viewer)")
    public SlackUser map(@PathParam("slackUserId") String slackUserId, SlackUserService.Mapping mapping) {
        return users.map(slackUserId, mapping, caller.name());
    }

    @DELETE
    @Path("/{slackUserId}")
    @Operation(summary = "Forget a Slack user; their clicks are refused")
    public Response unmap(@PathParam("slackUserId") String slackUserId) {
        users.unmap(slackUserId, caller.name());
        return Response.noContent().build();
    }
}
