package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import java.util.List;
import java.util.TreeSet;

/**
 * The fidelity report of one app: each Heroku feature it uses and how it maps to Aptible, fully,
 * partly (with the caveat) or not at all (with the workaround). Rules that own a feature (add-ons,
 * drains, domains) add their own items.
 */
public final class FidelityRule {
    private FidelityRule() {}

    static void apply(
            EstateContext context,
            AppInventory app,
            ServicesRule.Processes processes,
            BuildRule.Build build,
            ConfigRule.Config config,
            PlanDraft draft) {
        String name = app.name();
        draft.fidelity(
                name,
                "process types",
                "full",
                "Each process type (" + String.join(", ", processes.services().keySet())
                        + ") is an Aptible service with the same command; dyno quantity is container count.");
        if (processes.beforeDeploy() != null) {
            draft.fidelity(name, "release phase", "full", "Runs as before_deploy in .aptible.yml.");
        }
        draft.fidelity(
                name,
                "dyno sizes",
                "partial",
                "Memory rounds up to the nearest Aptible container size; CPU follows the profile (m: 1 CPU per 4 GB),"
                        + " so watch CPU after cutover.");
        if (ServicesRule.preboot(app)) {
            draft.fidelity(name, "preboot", "full", "Zero-downtime deploys with health checks.");
        }
        draft.fidelity(
                name,
                "buildpacks",
                build.language() == null || !build.unsupported().isEmpty() ? "none" : "partial",
                build.language() == null
                        ? "No language detected: write the Dockerfile by hand."
                        : "A Dockerfile for " + BuildRule.label(build.language())
                                + " replaces the buildpacks; pin the language version your repository declares.");
        draft.fidelity(
                name,
                "ephemeral filesystem",
                "full",
                "Aptible containers are ephemeral like dynos; keep files in object storage, never on local disk.");
        TreeSet<String> herokuVars = new TreeSet<>();
        config.dropped().forEach((var, why) -> {
            if ("managed by Heroku".equals(why)) {
                herokuVars.add(var);
            }
        });
        boolean dynoMetadata = app.features() != null && app.features().contains("runtime-dyno-metadata");
        boolean commandsUseHerokuVars =
                processes.services().values().stream().anyMatch(c -> c.contains("$DYNO") || c.contains("HEROKU_"));
        if (!herokuVars.isEmpty() || dynoMetadata || commandsUseHerokuVars) {
            draft.fidelity(
                    name,
                    "Heroku-only variables",
                    "none",
                    "DYNO and HEROKU_* (" + (herokuVars.isEmpty() ? "dyno metadata" : String.join(", ", herokuVars))
                            + ") do not exist on Aptible; code reading them needs APTIBLE_* equivalents or a default."
                            + " PORT comes from the Dockerfile.");
        }
        draft.fidelity(
                name,
                "config vars",
                "full",
                config.carried().size() + " carried sealed, "
                        + config.references().size() + " pointing at Aptible databases, "
                        + config.dropped().size() + " dropped.");
        if (app.pipeline() != null || context.pipelineId(app).isPresent()) {
            draft.fidelity(
                    name,
                    "pipeline",
                    "partial",
                    "The " + context.stage(name) + " stage is the environment " + context.environment(name)
                            + "; Aptible has no promotion: deploy the same image to each environment.");
        }
        if (app.space() == null) {
            context.regulatedBySetting(app)
                    .ifPresent(setting -> draft.fidelity(
                            name,
                            "regulated data",
                            "full",
                            "Marked regulated (PHI) by " + setting + ": Dedicated Stack " + context.stack(app)
                                    + " behind a signed BAA, as a Shield space would be."));
        }
        if (app.space() != null) {
            draft.fidelity(
                    name,
                    "private space",
                    context.space(app).isPresent() ? "full" : "partial",
                    "Dedicated Stack " + context.stack(app)
                            + (context.space(app).isPresent() ? "." : "; the space itself was not discovered."));
        }
        if (app.collaborators() != null && !app.collaborators().isEmpty()) {
            draft.fidelity(
                    name,
                    "collaborators",
                    "partial",
                    app.collaborators().size() + " collaborator(s) on Heroku; give them Aptible roles on "
                            + context.environment(name) + " (" + EnvironmentRule.accessNote(context.stage(name)) + ")");
        }
        if (app.webhooks() != null && !app.webhooks().isEmpty()) {
            draft.fidelity(
                    name,
                    "app webhooks",
                    "none",
                    "Heroku app webhooks have no Aptible equivalent; use Aptible's activity feed or alerts.");
        }
        if (app.features() != null && app.features().contains("http-session-affinity")) {
            draft.fidelity(
                    name,
                    "session affinity",
                    "none",
                    "Aptible endpoints balance without sticky sessions; keep sessions in Redis or cookies.");
        }
        if (app.features() != null && app.features().contains("log-runtime-metrics")) {
            draft.fidelity(
                    name, "runtime metrics", "partial", "Use an Aptible metric drain instead of log-runtime-metrics.");
        }
        for (String feature : AppRule.unknownFeatures(app)) {
            draft.fidelity(name, "feature " + feature, "none", "Not mapped by Ferry: check whether the app needs it.");
        }
        if (Boolean.TRUE.equals(app.maintenance())) {
            draft.fidelity(
                    name,
                    "maintenance mode",
                    "full",
                    "The app is in maintenance on Heroku now; it stays so at cutover.");
        }
        if (app.stack() != null && List.of("heroku-18", "heroku-20", "cedar-14").contains(app.stack())) {
            draft.fidelity(
                    name,
                    "stack",
                    "partial",
                    app.stack()
                            + " is an old base image; the Dockerfile uses a current one, test native dependencies.");
        }
    }
}
