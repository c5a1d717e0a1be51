package dev.ferry.notifier.service;

import static dev.ferry.notifier.domain.Mrkdwn.code;
import static dev.ferry.notifier.domain.Mrkdwn.escape;

import dev.ferry.events.plan.PlanEvent;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.notifier.domain.Block;
import dev.ferry.notifier.domain.Mrkdwn;
import dev.ferry.notifier.domain.SlackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Words for a plan that waits for a person. Approvals and rejections get none: a person just made
 * them through the planner, and an approval is announced by the migration it starts.
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
        }
        return Optional.empty();
    }

    /** Step ids, types and titles only: parameters and sealed secrets never reach a message. */
    private SlackMessage proposed(PlanProposed e) {
        String url = links.plan(e.planId());
        List<PlanStep> steps = e.steps() == null ? List.of() : e.steps();
        String listed = steps.stream()
                .limit(MAX_LISTED_STEPS)
                .map(s -> "• " + code(s.id()) + " (" + escape(s.type()) + "): " + escape(s.title()))
                .collect(Collectors.joining("\n"));
        if (steps.size() > MAX_LISTED_STEPS) {
            listed += "\n…and " + (steps.size() - MAX_LISTED_STEPS) + " more";
        }
        String text = ":hourglass_flowing_sand: Plan " + escape(e.planId()) + " v" + e.version() + " for "
                + escape(e.environment()) + " (" + steps.size() + " steps) is awaiting approval, requested by "
                + escape(e.requestedBy()) + ": " + url;
        return new SlackMessage(
                Mrkdwn.truncate(text, 3500),
                List.of(
                        Block.header(":hourglass_flowing_sand: Plan awaiting approval"),
                        Block.fields(List.of(
                                "*Status*\nawaiting approval",
                                "*Plan*\n" + code(e.planId()) + " v" + e.version(),
                                "*Environment*\n" + code(e.environment()),
                                "*Requested by*\n" + escape(e.requestedBy()))),
                        Block.section("*Steps (" + steps.size() + ")*\n" + (listed.isEmpty() ? "none" : listed)),
                        Block.context(List.of(
                                "Plan " + code(e.planId()) + " · " + Mrkdwn.link(url, "/api/plans/" + e.planId())
                                        + " · review it there before approving"))));
    }
}
