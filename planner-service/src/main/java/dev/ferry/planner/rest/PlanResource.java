package dev.ferry.planner.rest;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.planner.domain.PlanState;
import dev.ferry.planner.service.PlanService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Lists plans and takes people's approvals and rejections. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
    private final PlanService service;

    public PlanResource(PlanService service) {
        this.service = service;
    }

    /** Body of an approval. */
    public record ApprovalRequest(String approvedBy, Integer version, String comment) {}

    /** Body of a rejection. */
    public record RejectionRequest(String rejectedBy, Integer version, String comment) {}

    @GET
    @Operation(summary = "Every plan, newest first")
    public Uni<List<PlanService.PlanSummary>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A plan with its steps and the reason for each")
    public Uni<PlanService.PlanDetail> get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve the latest version of a plan; the executor then runs it")
    public Uni<PlanService.DecisionOutcome> approve(@PathParam("id") String id, ApprovalRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(
                    "Send a JSON body such as {\"approvedBy\": \"bob\", \"comment\": \"ok\"}");
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
