package dev.ferry.planner.domain.render;

import dev.ferry.events.plan.FidelityItem;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders the whole plan as a Markdown runbook a person can follow by hand: the estate-wide steps,
 * then each wave's steps in an order that respects every dependency, each with why, what needs
 * review, and the aptible or heroku commands to run. Secret values never appear: commands read them
 * from Heroku at run time.
 */
final class Runbook {
    private Runbook() {}

    static String render(PlanIndex index) {
        PlanDocument plan = index.plan();
        List<String> out = new ArrayList<>();
        out.add("# Migration runbook: " + plan.environment());
        out.add("");
        out.add("Plan `" + plan.planId() + "` version " + plan.version()
                + (plan.supersedesVersion() == null ? "" : " (supersedes version " + plan.supersedesVersion() + ")")
                + ", from discovery `" + plan.discoveryId() + "`, requested by " + plan.requestedBy() + ".");
        out.add("Plan hash: `" + plan.planHash() + "`.");
        if (plan.production()) {
            out.add("It touches production: someone other than " + plan.requestedBy() + " must approve it.");
        }
        out.add("");
        out.add("## Apps");
        out.add("");
        out.add("| App | Wave | Environment |");
        out.add("|---|---|---|");
        for (String app : index.apps()) {
            StepView ensure = index.step("app:" + app).orElseThrow();
            out.add("| " + app + " | " + ensure.wave() + " | "
                    + ensure.parameters().get("environment") + " |");
        }
        out.add("");
        List<StepView> reviews =
                plan.steps().stream().filter(s -> s.needsReview() != null).toList();
        out.add("## Needs review (" + reviews.size() + ")");
        out.add("");
        if (reviews.isEmpty()) {
            out.add("Nothing: every rule had the facts it needed.");
        }
        for (StepView step : reviews) {
            out.add("- `" + step.id() + "`: " + step.needsReview());
        }
        out.add("");
        out.add("## How to read this");
        out.add("");
        out.add("Steps are numbered in an order that respects every dependency. **Gate** steps wait for a person:"
                + " `approval` (approve), `manual-task` (do it, then confirm), `timed-wait` (wait the time)."
                + " **Point of no return** marks where rollback stops: after it, users write to Aptible.");
        out.add("Secret values are never printed here; commands read them from Heroku when you run them.");
        int number = 1;
        Map<Integer, List<StepView>> waves = new TreeMap<>();
        List<StepView> estate = new ArrayList<>();
        for (StepView step : plan.steps()) {
            if (step.wave() == null) {
                estate.add(step);
            } else {
                waves.computeIfAbsent(step.wave(), w -> new ArrayList<>()).add(step);
            }
        }
        out.add("");
        out.add("## Estate");
        for (StepView step : estate) {
            number = step(out, index, step, number);
        }
        for (var wave : waves.entrySet()) {
            TreeSet<String> apps = new TreeSet<>();
            wave.getValue().stream().filter(s -> s.app() != null).forEach(s -> apps.add(s.app()));
            out.add("");
            out.add("## Wave " + wave.getKey() + ": " + String.join(", ", apps));
            for (StepView step : wave.getValue()) {
                number = step(out, index, step, number);
            }
        }
        out.add("");
        out.add("## Fidelity");
        out.add("");
        out.add("| App | Heroku feature | Maps | Note |");
        out.add("|---|---|---|---|");
        for (FidelityItem item : plan.fidelity()) {
            out.add("| " + item.app() + " | " + item.feature() + " | " + item.mapping() + " | "
                    + item.note().replace("|", "\\|") + " |");
        }
        return String.join("\n", out) + "\n";
    }

    private static int step(List<String> out, PlanIndex plan, StepView step, int number) {
        out.add("");
        out.add("### " + number + ". " + step.title());
        out.add("");
        List<String> facts = new ArrayList<>();
        facts.add("`" + step.id() + "`");
        facts.add("type `" + step.type() + "`");
        if (step.gate() != null) {
            facts.add("gate `" + step.gate() + "`");
        }
        if (step.waitSeconds() != null) {
            facts.add("wait " + duration(step.waitSeconds()));
        }
        if (Boolean.TRUE.equals(step.pointOfNoReturn())) {
            facts.add("**point of no return**");
        }
        out.add(String.join(" · ", facts));
        out.add("");
        out.add("Why: " + step.reason());
        if (step.needsReview() != null) {
            out.add("");
            out.add("> **Needs review:** " + step.needsReview());
        }
        if (!step.dependsOn().isEmpty()) {
            out.add("");
            out.add("After: "
                    + String.join(
                            ", ",
                            step.dependsOn().stream().map(d -> "`" + d + "`").toList()));
        }
        String checklist = step.parameters().get("checklist");
        if (checklist != null) {
            out.add("");
            for (String item : checklist.split("\n")) {
                out.add("- [ ] " + item);
            }
        }
        List<String> commands = Commands.of(plan, step);
        if (!commands.isEmpty()) {
            out.add("");
            out.add("```bash");
            out.addAll(commands);
            out.add("```");
        }
        return number + 1;
    }

    static String duration(long seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
