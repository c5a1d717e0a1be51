package dev.ferry.planner.domain;

import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.plan.FidelityItem;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.planner.domain.rules.AppRule;
import dev.ferry.planner.domain.rules.CutoverRule;
import dev.ferry.planner.domain.rules.EnvironmentRule;
import dev.ferry.planner.domain.rules.EstateContext;
import dev.ferry.planner.domain.rules.NetworkRule;
import dev.ferry.planner.domain.rules.PlanDraft;
import dev.ferry.planner.domain.rules.StackRule;
import dev.ferry.planner.domain.rules.Step;
import dev.ferry.planner.domain.rules.StepTypes;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a discovered estate into a plan by running the rules in the guide's order: stacks and
 * networking, environments, then per app its resources, and the cutover of each wave. Pure and
 * deterministic: the same inventory, settings and measured copies always give the same plan, byte
 * for byte.
 */
public final class PlanRules {
    /** The scope key of a discovery of every app the token sees. */
    public static final String ACCOUNT_SCOPE = "account";

    private PlanRules() {}

    /** The plan of an estate: one per Heroku account and discovery scope, across its versions. */
    public static String planId(String accountId, String scopeKey) {
        return EventIds.derive("plan", accountId, scopeKey == null ? ACCOUNT_SCOPE : scopeKey);
    }

    /** The scope key of a discovery without a team: {@code account}, or {@code apps:} and the app names. */
    public static String scopeKey(String scope, List<String> apps) {
        return scopeKey(scope, apps, null);
    }

    /**
     * The scope key of a discovery: {@code account}, {@code team:} and the team's name (so each
     * team's plan is its own, not a version of the account's), or {@code apps:} and the sorted app
     * names.
     */
    public static String scopeKey(String scope, List<String> apps, String team) {
        if ("team".equals(scope) && team != null && !team.isBlank()) {
            return "team:" + team;
        }
        if (scope == null || scope.equals(ACCOUNT_SCOPE) || apps == null || apps.isEmpty()) {
            return ACCOUNT_SCOPE;
        }
        return "apps:" + String.join(",", apps.stream().sorted().distinct().toList());
    }

    /** The first version of the plan of an estate discovered with the account scope. */
    public static PlanProposed propose(EstateDiscovered estate) {
        return propose(estate, ACCOUNT_SCOPE, PlannerSettings.defaults(), 1, null);
    }

    /** A version of the plan of an estate, with no measured copies. */
    public static PlanProposed propose(
            EstateDiscovered estate, String scopeKey, PlannerSettings settings, int version, Integer supersedes) {
        return propose(estate, scopeKey, settings, List.of(), version, supersedes);
    }

    /**
     * A version of the plan of an estate; maintenance windows are predicted from the measured copies
     * where there are some, which makes them part of the plan's input.
     */
    public static PlanProposed propose(
            EstateDiscovered estate,
            String scopeKey,
            PlannerSettings settings,
            List<CopyMeasurement> measurements,
            int version,
            Integer supersedes) {
        EstateContext context = new EstateContext(estate, settings, measurements);
        PlanDraft draft = new PlanDraft();
        StackRule.apply(context, draft);
        EnvironmentRule.apply(context, draft);
        NetworkRule.apply(context, draft);
        CutoverRule.lowerTtls(context, draft);
        for (AppInventory app : context.apps()) {
            AppRule.apply(context, app, draft);
        }
        CutoverRule.apply(context, draft);
        List<PlanStep> steps =
                PlanGraph.order(draft.steps().stream().map(Step::build).toList());
        List<FidelityItem> fidelity = draft.fidelity().stream()
                .sorted(Comparator.comparing(FidelityItem::app).thenComparing(FidelityItem::feature))
                .toList();
        String planId = planId(estate.account().id(), scopeKey);
        String environment = mainEnvironment(steps);
        boolean production = steps.stream()
                .anyMatch(s -> s.type().equals(StepTypes.ENSURE_ENVIRONMENT)
                        && "production".equals(s.parameters().get("type")));
        String hash = PlanHash.of(planId, environment, production, steps, fidelity);
        return new PlanProposed(
                planId,
                version,
                estate.discoveryId(),
                environment,
                estate.requestedBy() == null ? "anonymous" : estate.requestedBy(),
                steps,
                estate.discoveredAt(),
                production,
                hash,
                supersedes,
                fidelity);
    }

    private static String mainEnvironment(List<PlanStep> steps) {
        List<PlanStep> environments = steps.stream()
                .filter(s -> s.type().equals(StepTypes.ENSURE_ENVIRONMENT))
                .sorted(Comparator.comparing((PlanStep s) ->
                                "production".equals(s.parameters().get("type")) ? 0 : 1)
                        .thenComparing(s -> s.parameters().get("environment")))
                .toList();
        return environments.isEmpty()
                ? "none"
                : environments.get(0).parameters().get("environment");
    }
}
