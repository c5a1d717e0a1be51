package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pipelines and their stages become environments: production and staging are separate Aptible
 * environments (separate access, separate databases), development and review apps share a
 * development environment. Apps outside any pipeline are treated as production.
 */
public final class EnvironmentRule {
    private EnvironmentRule() {}

    public static void apply(EstateContext context, PlanDraft draft) {
        Map<String, TreeSet<String>> appsByEnvironment = new TreeMap<>();
        Map<String, AppInventory> sample = new TreeMap<>();
        for (AppInventory app : context.apps()) {
            String environment = context.environment(app.name());
            appsByEnvironment.computeIfAbsent(environment, e -> new TreeSet<>()).add(app.name());
            sample.putIfAbsent(environment, app);
        }
        for (var entry : appsByEnvironment.entrySet()) {
            String environment = entry.getKey();
            AppInventory app = sample.get(environment);
            String stage = context.stage(app.name());
            String stack = context.stack(app);
            String type = EstateContext.PRODUCTION.equals(stage) ? "production" : "development";
            Step step = Step.of(
                            Ids.environment(environment),
                            StepTypes.ENSURE_ENVIRONMENT,
                            "Create the Aptible environment " + environment)
                    .param("environment", environment)
                    .param("handle", environment)
                    .param("type", type)
                    .param("stack", stack)
                    .after(stack == null ? null : Ids.stack(stack))
                    .reason(reason(context, stage, entry.getValue()))
                    .reason(accessNote(stage));
            if (stack == null) {
                step.reason("It runs on a shared stack: none of its apps is in a Private Space.");
            } else {
                step.reason("It runs on the Dedicated Stack " + stack + ".");
            }
            draft.add(step);
        }
    }

    private static String reason(EstateContext context, String stage, TreeSet<String> apps) {
        boolean inPipeline = apps.stream()
                .map(a -> context.app(a).orElseThrow())
                .anyMatch(a -> context.pipelineId(a).isPresent());
        String source = inPipeline
                ? "Pipeline stage " + stage + " of " + String.join(", ", apps)
                : "Apps outside any pipeline (" + String.join(", ", apps) + ") are treated as production";
        return source + " becomes its own Aptible environment, so " + stage + " keeps separate access and databases.";
    }

    /** Who should get access to an environment of a stage. */
    public static String accessNote(String stage) {
        return switch (stage) {
            case EstateContext.PRODUCTION ->
                "Access: only the people who operate production (the Heroku app's"
                        + " admins), through an Aptible role scoped to this environment.";
            case EstateContext.STAGING -> "Access: the developers who deploy to staging; no production data.";
            default -> "Access: developers; review and development apps, no production data.";
        };
    }
}
