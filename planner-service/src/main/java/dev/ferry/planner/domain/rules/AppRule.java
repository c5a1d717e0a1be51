package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ProcessType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One app's own steps: the Aptible app, its configuration, the image built from the rendered
 * Dockerfile, the deploy with one service per process type, the scale of each service, and the
 * guide's validation of the deployment. Databases, drains and endpoints come from their own rules.
 */
public final class AppRule {
    /** Features the planner knows how to map. */
    private static final Set<String> KNOWN_FEATURES = Set.of(
            "preboot",
            "runtime-dyno-metadata",
            "spaces-dns-discovery",
            "log-runtime-metrics",
            "http-session-affinity",
            "runtime-heroku-metrics",
            "http-sni");

    private AppRule() {}

    public static void apply(EstateContext context, AppInventory app, PlanDraft draft) {
        String name = app.name();
        int wave = context.wave(name);
        String environment = context.environment(name);
        draft.add(Step.of(Ids.app(name), StepTypes.ENSURE_APP, "Create the Aptible app " + name)
                .app(name)
                .wave(wave)
                .after(Ids.environment(environment))
                .param("environment", environment)
                .param("app", name)
                .param("handle", name)
                .reason("Heroku app " + name + " becomes Aptible app " + name + " in " + environment + "."));
        AddonRule.apply(context, app, draft);
        ConfigRule.Config config = ConfigRule.decide(context, app);
        draft.add(ConfigRule.step(context, app, config));
        ServicesRule.Processes processes = ServicesRule.processes(app);
        BuildRule.Build build = BuildRule.detect(app);
        String image = context.settings().imageRegistry() + "/" + name + ":"
                + (app.release() == null ? "heroku" : "heroku-v" + app.release().version());
        Step buildStep = Step.of(Ids.build(name), StepTypes.MANUAL_TASK, "Build and push the image of " + name)
                .app(name)
                .wave(wave)
                .after(Ids.app(name))
                .param(
                        "instructions",
                        "Build " + image + " from the rendered Dockerfile (files/" + name + "/Dockerfile) in the app's"
                                + " repository and push it.")
                .param("checklist", String.join("\n", buildChecklist()))
                .reason(build.reason())
                .reason("Aptible builds from a Dockerfile, not buildpacks; Ferry deploys the image with Direct"
                        + " Docker Image Deploy, so the Procfile and .aptible.yml go inside the image at /.aptible/"
                        + " (for git push deploys they stay in the repository root).");
        build.reviews().forEach(buildStep::review);
        draft.add(buildStep);
        Step deploy = Step.of(Ids.deploy(name), StepTypes.DEPLOY_APP, "Deploy " + name)
                .app(name)
                .wave(wave)
                .after(Ids.configure(name), Ids.build(name))
                .param("app", name)
                .param("image", image)
                .param("services", ServicesRule.servicesParameter(processes))
                .param("beforeDeploy", processes.beforeDeploy())
                .param("language", build.language())
                .param("languageVersion", build.dockerfileVersion())
                .param("languageVersionSource", build.versionSource())
                .param("port", BuildRule.PORT)
                .param("zeroDowntime", ServicesRule.preboot(app) ? true : null)
                .param("buildpacks", app.buildpacks() == null ? null : String.join(",", app.buildpacks()))
                .reason(servicesReason(processes));
        if (ServicesRule.preboot(app)) {
            deploy.reason("Preboot was on: Aptible endpoints deploy with zero downtime behind health checks, and"
                    + " background services get force_zero_downtime.");
        }
        processes.reviews().forEach(deploy::review);
        if (app.release() != null && !app.release().recentFailures().isEmpty()) {
            deploy.reason("Heroku releases "
                    + app.release().recentFailures().stream()
                            .map(f -> "v" + f.version())
                            .toList()
                    + " failed recently; fix what failed before migrating.");
        }
        draft.add(deploy);
        List<String> scaleIds = new ArrayList<>();
        for (String service : processes.services().keySet()) {
            Step scale = scale(context, app, processes, service);
            scaleIds.add(scale.id());
            draft.add(scale);
        }
        EndpointRule.apply(context, app, processes, draft);
        Step validate = Step.of(Ids.validate(name), StepTypes.MANUAL_TASK, "Validate " + name + " on Aptible")
                .app(name)
                .wave(wave)
                .after(scaleIds)
                .after(Ids.deploy(name))
                .param("instructions", "Confirm " + name + " works on Aptible before its cutover.")
                .param(
                        "checklist",
                        String.join(
                                "\n",
                                "The application boots without errors",
                                "Logs are flowing (aptible logs --app " + name + ")",
                                "Health checks pass",
                                "Background jobs process correctly",
                                "No reliance on Heroku-specific environment variables (DYNO, HEROKU_*)"))
                .reason("The guide's deployment validation, before any traffic or data moves.");
        validate.after(draft.idsOf(name, StepTypes.ENSURE_ENDPOINT));
        validate.after(draft.drainsOf(environment));
        draft.add(validate);
        FidelityRule.apply(context, app, processes, build, config, draft);
    }

    private static Step scale(
            EstateContext context, AppInventory app, ServicesRule.Processes processes, String service) {
        ProcessType process = processes.formation().get(service);
        Step step = Step.of(
                        Ids.scale(app.name(), service), StepTypes.SCALE_SERVICE, "Scale " + app.name() + "/" + service)
                .app(app.name())
                .wave(context.wave(app.name()))
                .after(Ids.deploy(app.name()))
                .param("app", app.name())
                .param("service", service);
        if (process == null) {
            return step.param("containerCount", 1)
                    .reason("Process type " + service + " is in the Procfile but not in the formation: one container.")
                    .review("The formation of " + service + " was not discovered: choose its count and size.");
        }
        SizingRule.Container container = SizingRule.container(context.estate(), process.size());
        step.param("containerCount", process.quantity())
                .param("containerSizeMb", container.containerSizeMb())
                .param("profile", container.profile())
                .reason(process.quantity() + " " + process.size() + " dyno(s) become " + process.quantity()
                        + " container(s).")
                .reason(container.reason());
        if (container.review() != null) {
            step.review(container.review());
        }
        return step;
    }

    private static String servicesReason(ServicesRule.Processes processes) {
        StringBuilder reason =
                new StringBuilder("Each Procfile process type becomes its own service with the same" + " command: ");
        reason.append(String.join(", ", processes.services().keySet())).append(".");
        if (processes.beforeDeploy() != null) {
            reason.append(" The release process runs as before_deploy in .aptible.yml (before_release is its"
                    + " deprecated alias), never as a service.");
        }
        return reason.toString();
    }

    private static List<String> buildChecklist() {
        return List.of(
                "The app binds 0.0.0.0, not localhost",
                "It listens on $PORT (the Dockerfile sets PORT=" + BuildRule.PORT + " and exposes it)",
                "Nothing relies on the ephemeral filesystem surviving a restart",
                "The Procfile and .aptible.yml are copied to /.aptible/ in the image");
    }

    static Set<String> unknownFeatures(AppInventory app) {
        TreeSet<String> unknown = new TreeSet<>();
        if (app.features() != null) {
            app.features().stream().filter(f -> !KNOWN_FEATURES.contains(f)).forEach(unknown::add);
        }
        return unknown;
    }
}
