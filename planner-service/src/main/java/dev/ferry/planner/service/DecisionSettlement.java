package dev.ferry.planner.service;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.planner.config.PlannerConfig;
import dev.ferry.planner.repository.PlanDecisions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Tells a person whether their appended decision stood. Two people deciding at once both pass the
 * projection's check; the log orders their events and the first stands (decision 0015), so the
 * second is answered 409 naming who decided first rather than told it was accepted.
 */
@ApplicationScoped
public class DecisionSettlement {
    static final Duration POLL = Duration.ofMillis(50);

    private final PlanDecisions decisions;
    private final Duration timeout;

    @Inject
    public DecisionSettlement(PlanDecisions decisions, PlannerConfig config) {
        this(decisions, config.decisionSettleTimeout());
    }

    DecisionSettlement(PlanDecisions decisions, Duration timeout) {
        this.decisions = decisions;
        this.timeout = timeout;
    }

    /**
     * The caller's outcome once the projection has settled the version; a 409 when another event
     * decided it or a newer version superseded it first; the outcome as appended when the
     * projection does not settle it in time.
     */
    public Uni<PlanService.DecisionOutcome> stood(PlanService.DecisionOutcome mine) {
        long attempts = Math.max(1, timeout.toMillis() / POLL.toMillis());
        return Uni.createFrom()
                .deferred(() -> decisions.of(mine.planId(), mine.version()))
                .map(s -> {
                    if (s == null || (s.eventId() == null && s.latestVersion() == mine.version())) {
                        throw new NotSettled();
                    }
                    return s;
                })
                .onFailure(NotSettled.class)
                .retry()
                .withBackOff(POLL, POLL)
                .atMost(attempts)
                .map(s -> {
                    if (s.eventId() == null) {
                        // decisions and proposals share the plan's partition, so the projection
                        // applied the newer proposal before this decision: it decided nothing
                        throw ProblemException.conflict("Plan " + mine.planId() + " version " + mine.version()
                                + " was superseded by version " + s.latestVersion()
                                + " before this decision reached the log, so it has no effect;"
                                + " review version " + s.latestVersion() + " instead");
                    }
                    if (!mine.eventId().equals(s.eventId())) {
                        throw ProblemException.conflict("Plan " + mine.planId() + " version " + mine.version()
                                + " was " + s.decision() + " by " + s.decidedBy()
                                + " just before this decision, which therefore has no effect");
                    }
                    return mine;
                })
                .onFailure(NotSettled.class)
                .recoverWithItem(mine);
    }

    /** The projection has not applied the decision yet. */
    private static final class NotSettled extends RuntimeException {
        NotSettled() {
            super(null, null, false, false);
        }
    }
}
