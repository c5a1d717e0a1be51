package dev.ferry.planner.rest;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.planner.domain.PlanDiff;
import dev.ferry.planner.domain.PlanState;
import dev.ferry.planner.domain.StepView;
import dev.ferry.planner.domain.render.PlanFiles;
import dev.ferry.planner.service.PlanService;
import io.smallrye.mutiny.Uni;
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

/** Lists plans, their versions, steps, fidelity and files, and takes people's approvals and rejections. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
    private static final String MARKDOWN = "text/markdown";

    private final PlanService service;

    public PlanResource(PlanService service) {
        this.service = service;
    }

    /** Body of an approval. */
    public record ApprovalRequest(String approvedBy, Integer version, String comment) {}

    /** Body of a rejection. */
    public record RejectionRequest(String rejectedBy, Integer version, String comment) {}

    @GET
    @Operation(summary = "Every plan's latest version, newest first")
    public Uni<List<PlanService.PlanSummary>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The latest version of a plan with its steps and the reason for each")
    public Uni<PlanService.PlanDetail> get(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every version of a plan")
    public Uni<List<PlanService.VersionSummary>> versions(@PathParam("id") String id) {
        return service.versions(id);
    }

    @GET
    @Path("/{id}/steps")
    @Operation(summary = "The steps of a version (the latest by default)")
    public Uni<List<StepView>> steps(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return service.document(id, version).map(doc -> doc.steps());
    }

    @GET
    @Path("/{id}/steps/{stepId}")
    @Operation(summary = "One step of a version (the latest by default)")
    public Uni<StepView> step(
            @PathParam("id") String id, @PathParam("stepId") String stepId, @QueryParam("version") Integer version) {
        return service.step(id, stepId, version);
    }

    @GET
    @Path("/{id}/fidelity")
    @Operation(summary = "How each Heroku feature of each app maps to Aptible")
    public Uni<PlanService.FidelityReport> fidelity(
            @PathParam("id") String id, @QueryParam("version") Integer version) {
        return service.fidelity(id, version);
    }

    @GET
    @Path("/{id}/files")
    @Operation(summary = "The files rendered for a version: per app Dockerfile, Procfile, .aptible.yml, main.tf")
    public Uni<List<PlanFiles.FileRef>> files(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return service.files(id, version);
    }

    @GET
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
    @Path("/{id}/runbook")
    @Produces(MARKDOWN)
    @Operation(summary = "The whole plan as a Markdown runbook with the commands to run by hand")
    public Uni<String> runbook(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return service.file(id, PlanFiles.ESTATE, "runbook.md", version);
    }

    @GET
    @Path("/{id}/diff")
    @Operation(summary = "What changed between two versions of a plan")
    public Uni<PlanDiff> diff(
            @PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        return service.diff(id, from, to);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve the latest version of a plan; the executor then runs it")
    public Uni<PlanService.DecisionOutcome> approve(@PathParam("id") String id, ApprovalRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(
                    "Send a JSON body such as {\"approvedBy\": \"bob\", \"version\": 1, \"comment\": \"ok\"}");
        }
        return service.approve(id, new PlanState.Decision(request.approvedBy(), request.version(), request.comment()));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the latest version of a plan")
    public Uni<PlanService.DecisionOutcome> reject(@PathParam("id") String id, RejectionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(
                    "Send a JSON body such as {\"rejectedBy\": \"bob\", \"comment\": \"why\"}");
        }
        return service.reject(id, new PlanState.Decision(request.rejectedBy(), request.version(), request.comment()));
    }
}
