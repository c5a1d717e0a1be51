package dev.ferry.executor.rest;

import dev.ferry.common.security.CurrentUser;
import dev.ferry.common.security.Roles;
import dev.ferry.events.command.ApproveGate;
import dev.ferry.events.command.CancelMigration;
import dev.ferry.events.command.MigrationCommand;
import dev.ferry.events.command.PauseMigration;
import dev.ferry.events.command.ResumeMigration;
import dev.ferry.events.command.RetryStep;
import dev.ferry.events.command.RollbackMigration;
import dev.ferry.executor.service.MigrationCommands;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * People's requests about a running migration. Each is checked against the migration, appended to
 * ferry.commands and answered 202; the engine acts once the command is consumed. Operators pause, resume,
 * cancel, roll back and retry; approvers approve gates. Who asks is the bearer token's user. A body,
 * when there is one, is application/json (see {@link CommandBody}); any other is refused with 415
 * before anything is appended. No body at all is accepted whatever its declared type, since clients
 * such as {@code curl -d ''} label an empty POST as a form.
 */
@Path("/api/migrations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class MigrationCommandResource {
    private static final String VIA = "rest";

    private final MigrationCommands commands;
    private final CurrentUser user;
    private final Clock clock;

    public MigrationCommandResource(MigrationCommands commands, CurrentUser user, Clock clock) {
        this.commands = commands;
        this.user = user;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/pause")
    @Operation(summary = "Pause: running steps finish, no new step starts")
    public Uni<Response> pause(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return submit(type, body, (who, b) -> new PauseMigration(id, who, VIA, clock.instant()));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/resume")
    @Operation(summary = "Resume a paused migration")
    public Uni<Response> resume(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return submit(type, body, (who, b) -> new ResumeMigration(id, who, VIA, clock.instant()));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/cancel")
    @Operation(summary = "Cancel: no further step runs, nothing is undone")
    public Uni<Response> cancel(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return submit(type, body, (who, b) -> new CancelMigration(id, who, VIA, b.reason(), clock.instant()));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/rollback")
    @Operation(summary = "Undo succeeded steps in reverse order back to the last point of no return")
    public Uni<Response> rollback(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        return submit(type, body, (who, b) -> new RollbackMigration(id, who, VIA, clock.instant()));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Path("/steps/{stepId}/retry")
    @Operation(summary = "Retry a step that failed for good")
    public Uni<Response> retry(
            @PathParam("id") String id,
            @PathParam("stepId") String stepId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            String body) {
        return submit(type, body, (who, b) -> new RetryStep(id, stepId, who, VIA, clock.instant()));
    }

    @POST
    @RolesAllowed(Roles.APPROVER)
    @Path("/steps/{stepId}/approval")
    @Operation(summary = "Approve a step's open gate or confirm its manual task")
    public Uni<Response> approve(
            @PathParam("id") String id,
            @PathParam("stepId") String stepId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            String body) {
        return submit(type, body, (who, b) -> new ApproveGate(id, stepId, who, VIA, b.comment(), clock.instant()));
    }

    private Uni<Response> submit(String type, String rawBody, BiFunction<String, CommandBody, MigrationCommand> make) {
        CommandBody body = CommandBody.parse(type, rawBody);
        MigrationCommand command = make.apply(user.name(), body);
        return commands.submit(command)
                .map(submitted -> Response.accepted(submitted).build());
    }
}
