package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.LogDrain;
import java.util.Locale;

/**
 * Log drains move to the app's Aptible environment (Aptible drains are per environment): the
 * drain's URL is carried sealed, its type comes from the add-on that made it or from its host. A
 * drain whose protocol cannot be told from its host is flagged, since the URL itself stays sealed.
 * A drain belongs to the environment's first wave, so no app's validation waits for a later wave.
 */
public final class LogDrainRule {
    private static final String FIRST_WAVE = " A drain serves the whole environment, so it is set up in the"
            + " environment's first wave, ahead of the validations that check logs flow.";

    private LogDrainRule() {}

    static void apply(EstateContext context, AppInventory app, PlanDraft draft) {
        String environment = context.environment(app.name());
        if (app.logDrains() == null) {
            draft.fidelity(app.name(), "log drains", "none", "Log drains were not discovered; check `heroku drains`.");
            return;
        }
        for (LogDrain drain : app.logDrains().stream()
                .sorted((a, b) -> a.host().compareTo(b.host()))
                .toList()) {
            String handle = Ids.handle(environment + "-" + drain.host());
            String type = drainType(app, drain);
            Step step = draft.addOnce(Step.of(
                            Ids.logDrain(environment, handle),
                            StepTypes.ENSURE_LOG_DRAIN,
                            "Drain " + environment + " logs to " + drain.host())
                    .wave(context.firstWave(environment))
                    .after(Ids.environment(environment))
                    .param("environment", environment)
                    .param("handle", handle)
                    .param("drainType", type == null ? "https_post" : type)
                    .secret("url", drain.url())
                    .reason("Heroku drains " + app.name() + "'s logs to " + drain.host()
                            + (drain.addon() == null ? "" : " (add-on " + drain.addon() + ")")
                            + "; an Aptible log drain on the environment sends its apps' and databases' logs there."
                            + FIRST_WAVE));
            if (type == null) {
                step.review("The drain to " + drain.host() + " is sealed and its host does not tell syslog from HTTPS:"
                        + " confirm the drain type.");
            }
            draft.fidelity(
                    app.name(),
                    "log drain " + drain.host(),
                    "full",
                    "Aptible log drain " + handle + " on " + environment + ".");
        }
    }

    /** A drain for a logging add-on whose drain URL the inventory did not find. */
    static Step withoutUrl(EstateContext context, AppInventory app, AddOn addon, AddonCatalogue.Entry entry) {
        String environment = context.environment(app.name());
        String handle = Ids.handle(environment + "-" + addon.service());
        return Step.of(
                        Ids.logDrain(environment, handle),
                        StepTypes.ENSURE_LOG_DRAIN,
                        "Drain " + environment + " logs to " + addon.service())
                .wave(context.firstWave(environment))
                .after(Ids.environment(environment))
                .param("environment", environment)
                .param("handle", handle)
                .param("drainType", entry.detail())
                .reason("Logging add-on " + addon.name() + " becomes a log drain to the same provider." + FIRST_WAVE)
                .review("The drain URL of " + addon.name()
                        + " was not discovered: get it from the provider and add it as the step's url.");
    }

    static String drainType(AppInventory app, LogDrain drain) {
        if (drain.addon() != null) {
            for (AddOn addon : app.addons()) {
                if (addon.name().equals(drain.addon())) {
                    AddonCatalogue.Entry entry = AddonCatalogue.lookup(addon.service());
                    if (entry.action() == AddonCatalogue.Action.LOG_DRAIN) {
                        return entry.detail();
                    }
                }
            }
        }
        String host = drain.host().toLowerCase(Locale.ROOT);
        if (host.contains("papertrailapp") || host.contains("logtail") || host.contains("betterstack")) {
            return "syslog_tls_tcp";
        }
        if (host.contains("datadoghq")) {
            return "datadog";
        }
        if (host.contains("sumologic")) {
            return "sumologic";
        }
        if (host.contains("logdna") || host.contains("mezmo")) {
            return "logdna";
        }
        return null;
    }
}
