package dev.ferry.planner.domain;

import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SealedSecret;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns an inventory into the steps of a plan, each with the reason the guide gives for it. Pure and
 * deterministic: the same inventory always gives the same plan.
 */
public final class PlanRules {
    /** Add-on services whose config vars Aptible resources replace; they are rewritten, not copied. */
    static final Set<String> REPLACED_BY_APTIBLE = Set.of("heroku-postgresql", "heroku-redis");

    private PlanRules() {}

    /** The plan id for a discovery, so a redelivered inventory proposes the same plan. */
    public static String planId(String discoveryId) {
        return EventIds.derive("plan", discoveryId);
    }

    /** The first version of the plan for a discovered estate. */
    public static PlanProposed propose(EstateDiscovered estate) {
        String environment = environmentHandle(estate.account().email());
        List<PlanStep> steps = new ArrayList<>();
        String envStep = "environment:" + environment;
        steps.add(new PlanStep(
                envStep,
                "ensure-environment",
                "Create the Aptible environment " + environment,
                "Production apps on Heroku get a production Environment on Aptible; it holds the apps, databases and endpoints.",
                List.of(),
                Map.of("handle", environment, "type", "production"),
                Map.of()));
        estate.apps().stream()
                .sorted(Comparator.comparing(AppInventory::name))
                .forEach(app -> steps.addAll(appSteps(app, environment, envStep)));
        return new PlanProposed(
                planId(estate.discoveryId()),
                1,
                estate.discoveryId(),
                environment,
                estate.requestedBy() == null ? "anonymous" : estate.requestedBy(),
                List.copyOf(steps),
                estate.discoveredAt());
    }

    /** The environment handle: the account's organisation name plus the stage. */
    static String environmentHandle(String email) {
        String domain = email == null || !email.contains("@") ? "heroku" : email.substring(email.indexOf('@') + 1);
        String org = domain.split("\\.")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return org + "-production";
    }

    private static List<PlanStep> appSteps(AppInventory app, String environment, String envStep) {
        String appStep = "app:" + app.name();
        List<String> services = app.formation().stream()
                .filter(p -> !p.type().equals("release"))
                .map(p -> p.type() + "=" + p.command())
                .toList();
        PlanStep create = new PlanStep(
                appStep,
                "ensure-app",
                "Create the Aptible app " + app.name(),
                "Each Heroku app becomes an Aptible App with the same handle; its Procfile process types ("
                        + String.join(
                                ", ",
                                app.formation().stream().map(p -> p.type()).toList())
                        + ") become services, and the release process type runs as before_deploy, never as a service.",
                List.of(envStep),
                Map.of("handle", app.name(), "environment", environment, "services", String.join("\n", services)),
                Map.of());
        return List.of(create, configure(app, appStep));
    }

    private static PlanStep configure(AppInventory app, String appStep) {
        Set<String> replaced = new TreeSet<>();
        for (AddOn addOn : app.addons()) {
            if (REPLACED_BY_APTIBLE.contains(addOn.service())) {
                replaced.addAll(addOn.configVars());
            }
        }
        Map<String, SealedSecret> carried = new TreeMap<>();
        Set<String> dropped = new TreeSet<>();
        for (ConfigVar var : app.configVars()) {
            if (replaced.contains(var.name())) {
                continue;
            }
            if (var.name().startsWith("HEROKU_")) {
                dropped.add(var.name());
            } else {
                carried.put(var.name(), var.value());
            }
        }
        String reason = "Config vars carry over as environment variables ("
                + carried.size()
                + " carried)"
                + (replaced.isEmpty()
                        ? ""
                        : "; " + String.join(", ", replaced)
                                + " come from Heroku add-ons that Aptible databases replace, and are set when those"
                                + " databases exist")
                + (dropped.isEmpty() ? "" : "; Heroku-managed " + String.join(", ", dropped) + " are dropped")
                + ".";
        return new PlanStep(
                "configure:" + app.name(),
                "configure-app",
                "Set the configuration of " + app.name(),
                reason,
                List.of(appStep),
                Map.of(
                        "app",
                        app.name(),
                        "replacedByAptible",
                        String.join(",", replaced),
                        "dropped",
                        String.join(",", dropped)),
                carried);
    }
}
