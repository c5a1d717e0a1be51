package dev.ferry.planner.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.planner.domain.PlanState;
import dev.ferry.planner.domain.StepView;
import dev.ferry.planner.repository.PlanEntity;
import dev.ferry.planner.repository.PlanRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Reads plans from the projection and records people's decisions about them in the event log. */
@ApplicationScoped
public class PlanService {
    private final PlanRepository plans;
    private final EventLog eventLog;
    private final Clock clock;

    public PlanService(PlanRepository plans, EventLog eventLog, Clock clock) {
        this.plans = plans;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** A plan without its steps. */
    public record PlanSummary(
            String id,
            int version,
            String discoveryId,
            String environment,
            String status,
            String requestedBy,
            String decidedBy,
            Instant decidedAt,
            String comment,
            Instant proposedAt) {

        static PlanSummary of(PlanEntity p) {
            return new PlanSummary(
                    p.id,
                    p.version,
                    p.discoveryId,
                    p.environment,
                    p.status,
                    p.requestedBy,
                    p.decidedBy,
                    p.decidedAt,
                    p.comment,
                    p.proposedAt);
        }
    }

    /** A plan with its steps. */
    public record PlanDetail(PlanSummary plan, List<StepView> steps) {}

    /** What a decision appended. */
    public record DecisionOutcome(String planId, int version, String status, String eventId) {}

    @WithSession
    public Uni<List<PlanSummary>> list() {
        return plans.newestFirst()
                .map(list -> list.stream().map(PlanSummary::of).toList());
    }

    @WithSession
    public Uni<PlanDetail> get(String id) {
        return find(id).map(p -> new PlanDetail(PlanSummary.of(p), steps(p)));
    }

    @WithSession
    public Uni<DecisionOutcome> approve(String id, PlanState.Decision decision) {
        return find(id).map(PlanService::state)
                .flatMap(state -> eventLog.append(state.approve(decision, clock.instant()))
                        .map(e -> new DecisionOutcome(id, state.latestVersion(), PlanState.APPROVED, e.id())));
    }

    @WithSession
    public Uni<DecisionOutcome> reject(String id, PlanState.Decision decision) {
        return find(id).map(PlanService::state)
                .flatMap(state -> eventLog.append(state.reject(decision, clock.instant()))
                        .map(e -> new DecisionOutcome(id, state.latestVersion(), PlanState.REJECTED, e.id())));
    }

    private Uni<PlanEntity> find(String id) {
        return plans.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No plan with id " + id));
    }

    private static PlanState state(PlanEntity p) {
        return new PlanState(p.id, p.version, p.status, p.environment, p.requestedBy);
    }

    private static List<StepView> steps(PlanEntity p) {
        return ProjectionJson.read(p.stepsJson, new TypeReference<List<StepView>>() {});
    }
}
