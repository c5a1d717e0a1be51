package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.LogDrain;
import dev.ferry.events.secret.SealedSecret;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's add-on audit for one app: database add-ons get their Aptible database (once, by the
 * app that owns them), logging add-ons and hand-made drains become log drains, external services
 * keep running with their credentials carried, replaced add-ons and unknown ones become tasks for a
 * person.
 */
public final class AddonRule {
    private AddonRule() {}

    public static void apply(EstateContext context, AppInventory app, PlanDraft draft) {
        int wave = context.wave(app.name());
        for (AddOn addon : sorted(app.addons())) {
            AddonCatalogue.Entry entry = AddonCatalogue.lookup(addon.service());
            switch (entry.action()) {
                case APTIBLE_DATABASE -> database(context, app, addon, entry, draft, wave);
                case LOG_DRAIN -> {
                    boolean hasDrain = app.logDrains() != null
                            && app.logDrains().stream()
                                    .anyMatch(d -> addon.name().equals(d.addon()));
                    if (!hasDrain) {
                        draft.addOnce(LogDrainRule.withoutUrl(context, app, addon, entry));
                    }
                    draft.fidelity(app.name(), "add-on " + addon.name(), "full", entry.note());
                }
                case KEEP_EXTERNAL -> draft.fidelity(app.name(), "add-on " + addon.name(), "full", entry.note());
                case REPLACE -> {
                    draft.add(Step.of(
                                    "addon:" + app.name() + "/" + addon.name(),
                                    StepTypes.MANUAL_TASK,
                                    "Replace " + addon.name() + " with " + entry.detail())
                            .app(app.name())
                            .wave(wave)
                            .after(Ids.app(app.name()))
                            .param("instructions", entry.note())
                            .reason("The add-on audit found " + addon.service() + " (" + addon.plan() + "): "
                                    + entry.note()));
                    draft.fidelity(app.name(), "add-on " + addon.name(), "partial", entry.note());
                }
                case UNKNOWN -> {
                    draft.add(Step.of(
                                    "addon:" + app.name() + "/" + addon.name(),
                                    StepTypes.MANUAL_TASK,
                                    "Review add-on " + addon.name())
                            .app(app.name())
                            .wave(wave)
                            .after(Ids.app(app.name()))
                            .param(
                                    "instructions",
                                    "Decide what replaces " + addon.name() + " (" + addon.plan()
                                            + "): keep it external and carry its credentials, move it to an Aptible"
                                            + " resource, or drop it.")
                            .param("checklist", String.join("\n", checklist(addon)))
                            .reason(entry.note())
                            .review("Add-on service " + addon.service() + " is not in the catalogue."));
                    draft.fidelity(
                            app.name(),
                            "add-on " + addon.name(),
                            "none",
                            "Unknown add-on: a person decides (review task).");
                }
            }
        }
        LogDrainRule.apply(context, app, draft);
    }

    private static void database(
            EstateContext context,
            AppInventory app,
            AddOn addon,
            AddonCatalogue.Entry entry,
            PlanDraft draft,
            int wave) {
        EstateContext.DatabaseTarget target = context.database(addon).orElseThrow();
        if (!target.ownerApp().equals(app.name())) {
            draft.fidelity(
                    app.name(),
                    "add-on " + addon.name(),
                    "full",
                    "Shared with " + target.ownerApp() + ", which owns it; this app uses the same Aptible database "
                            + target.handle() + ".");
            return;
        }
        Step step = switch (target.engine()) {
            case "postgresql" -> PostgresRule.ensureDatabase(context, target);
            case "redis" -> RedisRule.ensureDatabase(context, target);
            default -> otherDatabase(context, target);
        };
        draft.add(step.wave(wave));
        if ("postgresql".equals(target.engine())) {
            PostgresRule.Copy copy = PostgresRule.copy(context, addon);
            if (PostgresRule.LOGICAL_SYNC.equals(copy.strategy())) {
                Step sync = Step.of(
                                "sync:" + target.handle(),
                                StepTypes.COPY_POSTGRES,
                                "Start syncing " + addon.name() + " into " + target.handle())
                        .app(app.name())
                        .wave(wave)
                        .after(Ids.database(target.handle()))
                        .param("sourceAddon", addon.name())
                        .param("targetDatabase", target.handle())
                        .param("environment", context.environment(target.ownerApp()))
                        .param("strategy", copy.strategy())
                        .param("jobs", copy.jobs())
                        .compensation(StepTypes.COPY_POSTGRES)
                        .reason(copy.reason())
                        .reason("Its compensation drops the subscription, the publication and the slot.");
                copy.reviews().forEach(sync::review);
                SealedSecret source = CutoverRule.sourceUrl(context, target);
                if (source != null) {
                    sync.secret("sourceUrl", source);
                } else {
                    sync.review(
                            "The source URL of " + addon.name() + " is not among " + app.name() + "'s config vars.");
                }
                draft.add(sync);
            }
            draft.fidelity(app.name(), "add-on " + addon.name(), "full", entry.note() + " " + copy.reason());
        } else if ("redis".equals(target.engine())) {
            draft.fidelity(
                    app.name(),
                    "add-on " + addon.name(),
                    "full",
                    entry.note() + " " + RedisRule.usage(addon).reason());
        } else {
            draft.fidelity(
                    app.name(),
                    "add-on " + addon.name(),
                    "partial",
                    entry.note() + " Ferry provisions it; a person copies the data (no copy step for " + target.engine()
                            + ").");
        }
    }

    private static Step otherDatabase(EstateContext context, EstateContext.DatabaseTarget target) {
        String environment = context.environment(target.ownerApp());
        return Step.of(
                        Ids.database(target.handle()),
                        StepTypes.ENSURE_DATABASE,
                        "Provision " + target.engine() + " " + target.handle())
                .app(target.ownerApp())
                .after(Ids.environment(environment))
                .param("environment", environment)
                .param("handle", target.handle())
                .param("engine", target.engine())
                .param("diskSizeGb", 10)
                .reason(AddonCatalogue.lookup(target.addon().service()).note())
                .review("The " + target.engine() + " version and size of "
                        + target.addon().name() + " were not discovered: choose them before provisioning.");
    }

    private static List<String> checklist(AddOn addon) {
        List<String> items = new ArrayList<>();
        items.add("Find what " + addon.name() + " does for the app (heroku addons:info " + addon.name() + ")");
        if (!addon.configVars().isEmpty()) {
            items.add("Its variables " + String.join(", ", addon.configVars())
                    + " are carried over sealed; replace them if the service changes");
        }
        items.add("Record the decision in the plan review");
        return items;
    }

    static List<AddOn> sorted(List<AddOn> addons) {
        return addons.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** The drain URLs are sealed; only the add-on that made a drain is visible. */
    static boolean madeBy(LogDrain drain, AddOn addon) {
        return addon.name().equals(drain.addon());
    }
}
