package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.PrivateSpace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Private Spaces become Dedicated Stacks. Shield spaces hold regulated data, so their stack needs a
 * signed BAA first: an approval gate. Apps the settings mark as holding regulated data ({@code
 * planner.regulated.*}) need the same outside a Shield space: a Dedicated Stack per region behind the
 * BAA gate. A plain space still wants the isolation, so its stack is a manual request (Aptible creates
 * Dedicated Stacks on request, not over the API).
 */
public final class StackRule {
    private StackRule() {}

    public static void apply(EstateContext context, PlanDraft draft) {
        Map<String, TreeSet<String>> appsByStack = new TreeMap<>();
        for (AppInventory app : context.apps()) {
            String stack = context.stack(app);
            if (stack != null) {
                appsByStack.computeIfAbsent(stack, s -> new TreeSet<>()).add(app.name());
            }
        }
        for (var entry : appsByStack.entrySet()) {
            draft.add(stackStep(context, entry.getKey(), List.copyOf(entry.getValue())));
        }
    }

    private static Step stackStep(EstateContext context, String stack, List<String> apps) {
        TreeSet<String> spaceNames = new TreeSet<>();
        Map<String, TreeSet<String>> regulatedBySetting = new TreeMap<>();
        boolean shield = false;
        boolean unknown = false;
        for (String name : apps) {
            AppInventory app = context.app(name).orElseThrow();
            context.regulatedBySetting(app)
                    .ifPresent(setting -> regulatedBySetting
                            .computeIfAbsent(setting, s -> new TreeSet<>())
                            .add(name));
            if (app.space() == null) {
                continue;
            }
            spaceNames.add(app.space());
            var space = context.space(app);
            if (space.isEmpty()) {
                unknown = true;
            } else {
                shield |= space.get().shield();
            }
        }
        String spaces = String.join(", ", spaceNames);
        boolean baa = shield || !regulatedBySetting.isEmpty();
        Step step = baa
                ? Step.of(Ids.stack(stack), StepTypes.APPROVAL, "Sign the BAA and get the Dedicated Stack " + stack)
                        .param(
                                "instructions",
                                "Sign the BAA with Aptible, then request the Dedicated Stack " + stack
                                        + " (HIPAA) from Aptible and confirm it is ready.")
                : Step.of(Ids.stack(stack), StepTypes.MANUAL_TASK, "Request the Dedicated Stack " + stack)
                        .param(
                                "instructions",
                                "Ask Aptible for the Dedicated Stack " + stack + " and confirm it is ready.");
        if (shield) {
            step.reason("Private Space " + spaces
                    + " is a Shield space, so it handles regulated data (PHI): on Aptible it needs a Dedicated"
                    + " Stack and a signed Business Associate Agreement before any data moves.");
        } else if (!spaceNames.isEmpty()) {
            step.reason("Private Space " + spaces
                    + " isolates these apps; the Aptible equivalent is a Dedicated Stack, which Aptible"
                    + " creates on request.");
        }
        String where = shield ? "" : ", outside any Shield space";
        regulatedBySetting.forEach((setting, regulated) -> step.reason(String.join(", ", regulated)
                + (regulated.size() == 1 ? " holds" : " hold") + " regulated data (PHI) by the setting " + setting
                + where
                + ": on Aptible regulated data needs a Dedicated Stack and a signed Business Associate Agreement"
                + " before any data moves."));
        if (unknown && regulatedBySetting.isEmpty()) {
            step.review("The inventory does not describe Private Space " + spaces
                    + ", so whether it is a Shield space (regulated data, BAA required) is unknown.");
        }
        if (!context.settings().stackPerSpace() && spaceNames.size() > 1) {
            step.reason("The spaces share one stack as separate environments; set planner.stack-per-space=true"
                    + " for one stack per space.");
        }
        return step;
    }

    /** The space's inbound allowlist for endpoints, empty when it admits everyone. */
    public static List<String> allowlist(EstateContext context, AppInventory app) {
        return context.space(app)
                .map(PrivateSpace::trustedIpRanges)
                .map(ranges -> ranges.contains("0.0.0.0/0") ? List.<String>of() : List.copyOf(new TreeSet<>(ranges)))
                .orElse(List.of());
    }
}
