package dev.ferry.planner.rest;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.common.security.CurrentUser;
import dev.ferry.common.security.Roles;
import dev.ferry.planner.domain.PlanDiff;
import dev.ferry.planner.domain.PlanState;
import dev.ferry.planner.domain.StepView;
import dev.ferry.planner.domain.render.PlanFiles;
import dev.ferry.planner.service.PlanService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Lists plans, their versions, steps, fidelity and files (viewers), and takes approvals and
 * rejections (approvers), decided by the token's user.
 */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
    private static final String MARKDOWN = "text/markdown";

    private final PlanService service;
    private final CurrentUser user;

    public PlanResource(PlanService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    /**
     * Body of an approval: which version (optional, the latest) and why. Who approves is the token's
     * user; an {@code approvedBy} field is ignored.
     */
    public record ApprovalRequest(Integer version, String comment) {}

    /** Body of a rejection; who rejects is the token's user, a {@code rejectedBy} field is ignored. */
    public record RejectionRequest(Integer version, String comment) {}

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every plan's latest version, newest first")
    public Uni<List<PlanService.PlanSummary>> list() {
        return service.list();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}")
    @Operation(summary = "The latest version of a plan with its steps and the reason for each")
    public Uni<PlanService.PlanDetail> get(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/versions")
    @Operation(summary = "Every version of a plan")
    public Uni<List<PlanService.VersionSummary>> versions(@PathParam("id") String id) {
        return service.versions(id);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/steps")
    @Operation(summary = "The steps of a version (the latest by default)")
    public Uni<List<StepView>> steps(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return service.document(id, version).map(doc -> doc.steps());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/steps/{stepId}")
    @Operation(summary = "One step of a version (the latest by default)")
    public Uni<StepView> step(
            @PathParam("id") String id, @PathParam("stepId") String stepId, @QueryParam("version") Integer version) {
        return service.step(id, stepId, version);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/fidelity")
    @Operation(summary = "How each Heroku feature of each app maps to Aptible")
    public Uni<PlanService.FidelityReport> fidelity(
            @PathParam("id") String id, @QueryParam("version") Integer version) {
        return service.fidelity(id, version);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/files")
    @Operation(summary = "The files rendered for a version: per app Dockerfile, Procfile, .aptible.yml, main.tf")
    public Uni<List<PlanFiles.FileRef>> files(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return service.files(id, version);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/files/{app}/{name}")
    @Produces({MediaType.TEXT_PLAIN, MARKDOWN})
    @Operation(summary = "One rendered file")
    public Uni<String> file(
            @PathParam("id") String id,
            @PathParam("app") String app,
            @PathParam("name") String name,
            @QueryParam("version") Integer version) {
        return service.file(id, app, name, version);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/runbook")
    @Produces(MARKDOWN)
    @Operation(summary = "The whole plan as a Markdown runbook with the commands to run by hand")
    public Uni<String> runbook(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return service.file(id, PlanFiles.ESTATE, "runbook.md", version);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/diff")
    @Operation(summary = "What changed between two versions of a plan")
    public Uni<PlanDiff> diff(
            @PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        return service.diff(id, from, to);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(
            summary = "Approve the latest version of a plan as the token's user; the executor then runs it."
                    + " A production plan's requester cannot approve it (403)")
    public Uni<PlanService.DecisionOutcome> approve(@PathParam("id") String id, ApprovalRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send a JSON body such as {\"version\": 1, \"comment\": \"ok\"}");
        }
        return service.approve(id, new PlanState.Decision(user.name(), request.version(), request.comment()));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Reject the latest version of a plan as the token's user")
    public Uni<PlanService.DecisionOutcome> reject(@PathParam("id") String id, RejectionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send a JSON body such as {\"version\": 1, \"comment\": \"why\"}");
        }
        return service.reject(id, new PlanState.Decision(user.name(), request.version(), request.comment()));
    }
}
