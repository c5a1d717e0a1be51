package dev.ferry.planner.domain;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanRejected;
import java.time.Instant;

/**
 * What a decision about a plan needs to know, and the decisions themselves: approve or reject the
 * latest proposed version, once; a production plan needs an approver other than its requester.
 */
public record PlanState(
        String planId, int latestVersion, String status, String environment, String requestedBy, boolean production) {
    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    /** A state from before plans carried a production flag: production is read from the environment. */
    public PlanState(String planId, int latestVersion, String status, String environment, String requestedBy) {
        this(planId, latestVersion, status, environment, requestedBy, environment.endsWith("-production"));
    }

    /**
     * Decides an approval; refuses anything but the latest proposed version, and a production plan's
     * own requester with 403 (the same rule for REST and for Slack's ApprovePlan commands).
     */
    public PlanApproved approve(Decision decision, Instant now) {
        check(decision, "approve");
        if (production && decision.by().equalsIgnoreCase(requestedBy)) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    "Plan " + planId + " touches production and was requested by " + requestedBy
                            + "; another person must approve it");
        }
        return new PlanApproved(planId, latestVersion, decision.by(), decision.comment(), now);
    }

    /** Decides a rejection. */
    public PlanRejected reject(Decision decision, Instant now) {
        check(decision, "reject");
        return new PlanRejected(planId, latestVersion, decision.by(), decision.comment(), now);
    }

    private void check(Decision decision, String verb) {
        if (decision.by() == null || decision.by().isBlank()) {
            throw ProblemException.badRequest("A decision needs the person who makes it, and none was named");
        }
        if (decision.version() != null && decision.version() != latestVersion) {
            throw ProblemException.conflict("Plan " + planId + " is at version " + latestVersion + "; version "
                    + decision.version() + " is not the latest and cannot be " + verb + "d. Review version "
                    + latestVersion + " (GET /api/plans/" + planId + "/diff?from=" + decision.version() + "&to="
                    + latestVersion + " shows what changed)");
        }
        if (!status.equals(PROPOSED)) {
            throw ProblemException.conflict("Plan " + planId + " version " + latestVersion + " is already " + status);
        }
    }

    /**
     * A person's decision: who (the token's user over REST, the mapped Ferry user of a Slack command),
     * which version (optional: the latest), and why.
     */
    public record Decision(String by, Integer version, String comment) {}
}
