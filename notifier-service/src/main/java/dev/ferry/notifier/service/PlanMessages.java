package dev.ferry.notifier.service;

import static dev.ferry.notifier.domain.Mrkdwn.code;
import static dev.ferry.notifier.domain.Mrkdwn.escape;

import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanEvent;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.notifier.domain.Actions;
import dev.ferry.notifier.domain.Block;
import dev.ferry.notifier.domain.Mrkdwn;
import dev.ferry.notifier.domain.SlackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Words for plans: a proposal waits for a person and carries approve and reject buttons; approvals
 * and rejections are opt-in kinds (the person who decided already knows).
 */
@ApplicationScoped
public class PlanMessages {
    static final int MAX_LISTED_STEPS = 10;

    private final Links links;

    public PlanMessages(Links links) {
        this.links = links;
    }

    public Optional<SlackMessage> of(PlanEvent event) {
        if (event instanceof PlanProposed e) {
            return Optional.of(proposed(e));
        } else if (event instanceof PlanApproved e) {
            return Optional.of(decided(e.planId(), e.version(), "approved", e.approvedBy(), e.comment()));
        } else if (event instanceof PlanRejected e) {
            return Optional.of(decided(e.planId(), e.version(), "rejected", e.rejectedBy(), e.comment()));
        }
        return Optional.empty();
    }

    /** Step ids, types and titles only: parameters and sealed secrets never reach a message. */
    private SlackMessage proposed(PlanProposed e) {
        String url = links.plan(e.planId());
        boolean production = Boolean.TRUE.equals(e.production());
        List<PlanStep> steps = e.steps() == null ? List.of() : e.steps();
        String listed = steps.stream()
                .limit(MAX_LISTED_STEPS)
                .map(s -> "• " + code(s.id()) + " (" + escape(s.type()) + "): " + escape(s.title())
                        + (s.gate() == null ? "" : " _(" + escape(s.gate()) + ")_"))
                .collect(Collectors.joining("\n"));
        if (steps.size() > MAX_LISTED_STEPS) {
            listed += "\n…and " + (steps.size() - MAX_LISTED_STEPS) + " more";
        }
        String text = ":hourglass_flowing_sand: Plan " + escape(e.planId()) + " v" + e.version() + " for "
                + escape(e.environment()) + (production ? " (production)" : "") + " (" + steps.size()
                + " steps) is awaiting approval, requested by " + escape(e.requestedBy()) + ": " + url;
        List<String> fields = new ArrayList<>(List.of(
                "*Status*\nawaiting approval",
                "*Plan*\n" + code(e.planId()) + " v" + e.version(),
                "*Environment*\n" + code(e.environment()) + (production ? " :warning: production" : ""),
                "*Requested by*\n" + escape(e.requestedBy())));
        if (e.supersedesVersion() != null) {
            fields.add("*Supersedes*\nv" + e.supersedesVersion());
        }
        String value = Actions.planValue(e.planId(), e.version());
        return new SlackMessage(
                Mrkdwn.truncate(text, 3500),
                List.of(
                        Block.header(":hourglass_flowing_sand: Plan awaiting approval"),
                        Block.fields(fields),
                        Block.section("*Steps (" + steps.size() + ")*\n" + (listed.isEmpty() ? "none" : listed)),
                        Block.actions(
                                "plan-decision",
                                List.of(
                                        Block.Button.of(
                                                "Approve v" + e.version(), Actions.APPROVE_PLAN, value, "primary"),
                                        Block.Button.of("Reject", Actions.REJECT_PLAN, value, "danger"))),
                        Block.context(List.of("Plan " + code(e.planId()) + " · "
                                + Mrkdwn.link(url, "/api/plans/" + e.planId())
                                + (production
                                        ? " · production: the approver must not be the requester"
                                        : " · review it there before approving")))));
    }

    private SlackMessage decided(String planId, int version, String verb, String by, String comment) {
        String url = links.plan(planId);
        String emoji = verb.equals("approved") ? ":white_check_mark:" : ":no_entry_sign:";
        return new SlackMessage(
                emoji + " Plan " + escape(planId) + " v" + version + " " + verb + " by " + escape(by) + ": " + url,
                List.of(
                        Block.header(emoji + " Plan " + verb),
                        Block.fields(List.of(
                                "*Status*\n" + verb,
                                "*Plan*\n" + code(planId) + " v" + version,
                                "*By*\n" + escape(by),
                                "*Comment*\n" + (comment == null ? "none" : escape(comment)))),
                        Block.context(
                                List.of("Plan " + code(planId) + " · " + Mrkdwn.link(url, "/api/plans/" + planId)))));
    }
}
