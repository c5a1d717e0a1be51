package dev.ferry.inventory.domain;

import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.Collaborator;
import dev.ferry.events.inventory.Domain;
import dev.ferry.events.inventory.PipelineCoupling;
import dev.ferry.events.inventory.ProcessType;
import dev.ferry.events.inventory.ReleaseInfo;
import dev.ferry.events.inventory.SniEndpoint;
import java.util.List;
import java.util.Map;

/**
 * An app's inventory as people may see it: config vars as names and fingerprints, drain and webhook
 * URLs as host and fingerprint, never a secret value. Fields discovered after v1 are null when the
 * snapshot did not have them.
 *
 * @param addons the add-ons with their plan's tier
 * @param procfile process type to command, derived from the formation's commands rather than read from
 *     the released slug's {@code process_types} (a deliberate choice that keeps an app under 10 calls)
 */
public record AppView(
        String id,
        String name,
        String region,
        String stack,
        List<ProcessType> formation,
        List<ConfigVarView> configVars,
        List<AddOnView> addons,
        String team,
        String generation,
        List<String> buildpacks,
        Map<String, String> procfile,
        List<Domain> domains,
        List<SniEndpoint> sniEndpoints,
        List<LogDrainView> logDrains,
        List<String> features,
        List<WebhookView> webhooks,
        List<Collaborator> collaborators,
        ReleaseInfo release,
        PipelineCoupling pipeline,
        String space,
        Boolean acm,
        Boolean maintenance) {

    /** A config var without its value. */
    public record ConfigVarView(String name, String fingerprint) {}

    /** A log drain without its URL (which often carries a token). */
    public record LogDrainView(String id, String host, String urlFingerprint, String addon) {}

    /** A webhook without its URL. */
    public record WebhookView(String id, String host, String urlFingerprint, List<String> include, String level) {}

    /** Drops the sealed values of an inventory. */
    public static AppView of(AppInventory app) {
        return new AppView(
                app.id(),
                app.name(),
                app.region(),
                app.stack(),
                app.formation(),
                app.configVars().stream()
                        .map(v -> new ConfigVarView(v.name(), v.value().fingerprint()))
                        .toList(),
                app.addons().stream().map(AddOnView::of).toList(),
                app.team(),
                app.generation(),
                app.buildpacks(),
                app.procfile(),
                app.domains(),
                app.sniEndpoints(),
                app.logDrains() == null
                        ? null
                        : app.logDrains().stream()
                                .map(d -> new LogDrainView(
                                        d.id(), d.host(), d.url().fingerprint(), d.addon()))
                                .toList(),
                app.features(),
                app.webhooks() == null
                        ? null
                        : app.webhooks().stream()
                                .map(w -> new WebhookView(
                                        w.id(), w.host(), w.url().fingerprint(), w.include(), w.level()))
                                .toList(),
                app.collaborators(),
                app.release(),
                app.pipeline(),
                app.space(),
                app.acm(),
                app.maintenance());
    }
}
