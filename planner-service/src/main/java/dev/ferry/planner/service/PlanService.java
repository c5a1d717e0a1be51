package dev.ferry.planner.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventIds;
import dev.ferry.events.plan.FidelityItem;
import dev.ferry.planner.domain.PlanDiff;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.PlanState;
import dev.ferry.planner.domain.StepView;
import dev.ferry.planner.domain.render.PlanFiles;
import dev.ferry.planner.repository.PlanEntity;
import dev.ferry.planner.repository.PlanRepository;
import dev.ferry.planner.repository.PlanVersionEntity;
import dev.ferry.planner.repository.PlanVersionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads plans from the projection and records people's decisions about them in the event log. */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final DecisionSettlement settlement;
    private final EventLog eventLog;
    private final Clock clock;

    public PlanService(
            PlanRepository plans,
            PlanVersionRepository versions,
            DecisionSettlement settlement,
            EventLog eventLog,
            Clock clock) {
        this.plans = plans;
        this.versions = versions;
        this.settlement = settlement;
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
            Instant proposedAt,
            boolean production,
            String planHash,
            Integer supersedesVersion,
            int appCount,
            int reviewCount) {

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
                    p.proposedAt,
                    p.production,
                    p.planHash,
                    p.supersedesVersion,
                    p.appCount,
                    p.reviewCount);
        }
    }

    /** A plan with its steps. */
    public record PlanDetail(PlanSummary plan, List<StepView> steps) {}

    /** One stored version. */
    public record VersionSummary(
            int version,
            String discoveryId,
            String planHash,
            Instant proposedAt,
            boolean latest,
            String decision,
            String decidedBy) {}

    /** How each Heroku feature of each app maps, with counts per app. */
    public record FidelityReport(String planId, int version, List<AppFidelity> apps) {}

    /** The fidelity of one app. */
    public record AppFidelity(String app, int full, int partial, int none, List<FidelityItem> items) {}

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
    public Uni<List<VersionSummary>> versions(String id) {
        return find(id).flatMap(plan -> versions.versionsOf(id)
                .map(list -> list.stream()
                        .map(v -> new VersionSummary(
                                v.version,
                                v.discoveryId,
                                v.planHash,
                                v.proposedAt,
                                v.version == plan.version,
                                v.decision,
                                v.decidedBy))
                        .toList()));
    }

    /** A version of a plan; the latest when {@code version} is null. */
    @WithSession
    public Uni<PlanDocument> document(String id, Integer version) {
        return find(id).flatMap(plan -> {
            int wanted = version == null ? plan.version : version;
            return versions.find(id, wanted)
                    .onItem()
                    .ifNull()
                    .failWith(() -> ProblemException.notFound(
                            "Plan " + id + " has no version " + wanted + "; versions go from 1 to " + plan.version))
                    .map(PlanService::document);
        });
    }

    public Uni<StepView> step(String id, String stepId, Integer version) {
        return document(id, version)
                .map(doc -> doc.step(stepId)
                        .orElseThrow(() -> ProblemException.notFound(
                                "Plan " + id + " version " + doc.version() + " has no step " + stepId)));
    }

    public Uni<FidelityReport> fidelity(String id, Integer version) {
        return document(id, version).map(doc -> {
            Map<String, List<FidelityItem>> byApp = new TreeMap<>();
            doc.fidelity()
                    .forEach(item -> byApp.computeIfAbsent(item.app(), a -> new ArrayList<>())
                            .add(item));
            List<AppFidelity> apps = new ArrayList<>();
            byApp.forEach((app, items) -> apps.add(new AppFidelity(
                    app, count(items, "full"), count(items, "partial"), count(items, "none"), List.copyOf(items))));
            return new FidelityReport(id, doc.version(), apps);
        });
    }

    public Uni<List<PlanFiles.FileRef>> files(String id, Integer version) {
        return document(id, version).map(PlanFiles::list);
    }

    public Uni<String> file(String id, String app, String name, Integer version) {
        return document(id, version)
                .map(doc -> PlanFiles.render(doc, app, name)
                        .orElseThrow(() -> ProblemException.notFound("Plan " + id + " has no file " + app + "/" + name
                                + "; GET /api/plans/" + id + "/files lists them")));
    }

    public Uni<PlanDiff> diff(String id, Integer from, Integer to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("Say which versions to compare: ?from=1&to=2");
        }
        return document(id, from).flatMap(a -> document(id, to).map(b -> PlanDiff.between(a, b)));
    }

    public Uni<DecisionOutcome> approve(String id, PlanState.Decision decision) {
        return approve(id, decision, EventIds.random());
    }

    /** Approves with a given event id, so a redelivered command appends a duplicate consumers ignore. */
    public Uni<DecisionOutcome> approve(String id, PlanState.Decision decision, String eventId) {
        return Panache.withSession(() -> find(id).map(PlanService::state)
                        .flatMap(state -> eventLog.append(eventId, state.approve(decision, clock.instant()))
                                .map(e -> new DecisionOutcome(id, state.latestVersion(), PlanState.APPROVED, e.id()))))
                .flatMap(settlement::stood);
    }

    public Uni<DecisionOutcome> reject(String id, PlanState.Decision decision) {
        return reject(id, decision, EventIds.random());
    }

    public Uni<DecisionOutcome> reject(String id, PlanState.Decision decision, String eventId) {
        return Panache.withSession(() -> find(id).map(PlanService::state)
                        .flatMap(state -> eventLog.append(eventId, state.reject(decision, clock.instant()))
                                .map(e -> new DecisionOutcome(id, state.latestVersion(), PlanState.REJECTED, e.id()))))
                .flatMap(settlement::stood);
    }

    private Uni<PlanEntity> find(String id) {
        return plans.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No plan with id " + id));
    }

    private static PlanState state(PlanEntity p) {
        return new PlanState(p.id, p.version, p.status, p.environment, p.requestedBy, p.production);
    }

    private static List<StepView> steps(PlanEntity p) {
        return ProjectionJson.read(p.stepsJson, new TypeReference<List<StepView>>() {});
    }

    private static PlanDocument document(PlanVersionEntity v) {
        return ProjectionJson.read(v.documentJson, PlanDocument.class);
    }

    private static int count(List<FidelityItem> items, String mapping) {
        return (int) items.stream().filter(i -> i.mapping().equals(mapping)).count();
    }
}
