package dev.ferry.simulator.slack.rest;

import dev.ferry.simulator.slack.domain.Fault;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import dev.ferry.simulator.slack.domain.SlackError;
import dev.ferry.simulator.slack.service.FaultInjector;
import dev.ferry.simulator.slack.service.MessageLog;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The admin surface for tests and demos: recorded messages and armed failures. */
@Path("/_receiver")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiverResource {

    private final MessageLog log;
    private final FaultInjector faults;

    public ReceiverResource(MessageLog log, FaultInjector faults) {
        this.log = log;
        this.faults = faults;
    }

    @GET
    @Path("messages")
    public List<RecordedMessage> messages() {
        return log.all();
    }

    @DELETE
    @Path("messages")
    public Response clear() {
        log.clear();
        return Response.noContent().build();
    }

    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response arm(FaultRequest request) {
        if (request == null) {
            return badRequest("a JSON body with status is required");
        }
        try {
            Fault fault = faults.arm(request.status(), request.retryAfterSeconds(), request.count());
            return Response.ok(fault).build();
        } catch (SlackError e) {
            return badRequest(e.getMessage());
        }
    }

    @GET
    @Path("faults")
    public Response armed() {
        return faults.current()
                .map(f -> Response.ok(f).build())
                .orElseGet(() -> Response.ok(Map.of()).build());
    }

    @DELETE
    @Path("faults")
    public Response disarm() {
        faults.disarm();
        return Response.noContent().build();
    }

    private static Response badRequest(String detail) {
        return Response.status(400)
                .entity(Map.of("error", "invalid_arguments", "detail", detail))
                .build();
    }
}
