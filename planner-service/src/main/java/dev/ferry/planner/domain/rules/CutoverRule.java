package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.Domain;
import dev.ferry.events.inventory.ProcessType;
import dev.ferry.events.secret.SealedSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The guide's cutover for one group of apps (a wave's staging or production apps): lower DNS TTLs a
 * day ahead, open a maintenance window once staging is done, stop writes (maintenance mode, pause
 * workers), take the final backup, copy or finish syncing the data, point the apps at Aptible,
 * switch DNS (the point of no return), monitor with Heroku kept as the fallback, and decommission
 * Heroku only after an approval.
 */
public final class CutoverRule {
    private CutoverRule() {}

    /** Every group in order: by wave, then development, staging, production. */
    public static void apply(EstateContext context, PlanDraft draft) {
        Map<String, List<AppInventory>> groups = new TreeMap<>((a, b) -> order(a).compareTo(order(b)));
        for (AppInventory app : context.apps()) {
            groups.computeIfAbsent(context.group(app.name()), g -> new ArrayList<>())
                    .add(app);
        }
        Map<Integer, String> lastMonitorOfWave = new TreeMap<>();
        for (var entry : groups.entrySet()) {
            int wave = context.wave(entry.getValue().get(0).name());
            String stage = context.stage(entry.getValue().get(0).name());
            String before = EstateContext.PRODUCTION.equals(stage) ? lastMonitorOfWave.get(wave) : null;
            String monitor = group(context, entry.getKey(), wave, stage, entry.getValue(), before, draft);
            lastMonitorOfWave.put(wave, monitor);
        }
    }

    /**
     * Lowers the DNS TTLs of every group's custom domains first: they have no dependency, and the
     * guide wants them lowered at least a day before the switch.
     */
    public static void lowerTtls(EstateContext context, PlanDraft draft) {
        Map<String, List<String>> hostsByGroup = new TreeMap<>((a, b) -> order(a).compareTo(order(b)));
        for (AppInventory app : context.apps()) {
            boolean web = ServicesRule.processes(app).services().containsKey(EndpointRule.WEB);
            if (web) {
                EndpointRule.customDomains(app)
                        .forEach(d -> hostsByGroup
                                .computeIfAbsent(context.group(app.name()), g -> new ArrayList<>())
                                .add(d.hostname()));
            }
        }
        for (var entry : hostsByGroup.entrySet()) {
            String group = entry.getKey();
            int wave = Integer.parseInt(group.substring(1, group.indexOf('-')));
            draft.add(Step.of("ttl:" + group, StepTypes.MANUAL_TASK, "Lower the DNS TTL of " + group + "'s domains")
                    .wave(wave)
                    .param("instructions", "Set the TTL of " + String.join(", ", entry.getValue()) + " to 60 seconds.")
                    .reason("The guide lowers DNS TTLs at least 24 hours before cutover so the switch propagates"
                            + " fast; nothing has to happen first."));
            draft.add(Step.of("ttl-wait:" + group, StepTypes.TIMED_WAIT, "Wait for the old TTLs to expire")
                    .wave(wave)
                    .after("ttl:" + group)
                    .waitSeconds(context.settings().dnsTtlWaitSeconds())
                    .param(
                            "instructions",
                            "Wait " + context.settings().dnsTtlWaitSeconds() / 3600
                                    + " hours so resolvers drop the old, long TTLs.")
                    .reason("Old TTLs must expire before the switch."));
        }
    }

    private static String order(String group) {
        int dash = group.indexOf('-');
        int wave = Integer.parseInt(group.substring(1, dash));
        String stage = group.substring(dash + 1);
        int rank = switch (stage) {
            case EstateContext.DEVELOPMENT -> 0;
            case EstateContext.STAGING -> 1;
            default -> 2;
        };
        return String.format("%08d-%d", wave, rank);
    }

    private static String group(
            EstateContext context,
            String group,
            int wave,
            String stage,
            List<AppInventory> apps,
            String stagingMonitor,
            PlanDraft draft) {
        List<EstateContext.DatabaseTarget> databases = context.databasesOwnedBy(group);
        String names = String.join(", ", apps.stream().map(AppInventory::name).toList());
        String ttlWait = draft.has("ttl-wait:" + group) ? "ttl-wait:" + group : null;
        long windowSeconds = context.settings().windowOverheadSeconds();
        String longest = null;
        for (EstateContext.DatabaseTarget db : databases) {
            if ("postgresql".equals(db.engine())) {
                long predicted = PostgresRule.copy(context, db.addon()).predictedSeconds();
                if (predicted > windowSeconds) {
                    windowSeconds = predicted;
                    longest = "The longest copy, " + db.handle() + ", is predicted from "
                            + context.throughput(db.addon()).source() + ".";
                }
            }
        }
        boolean production = EstateContext.PRODUCTION.equals(stage);
        String window = "window:" + group;
        Step windowStep = Step.of(
                        window,
                        production ? StepTypes.APPROVAL : StepTypes.MANUAL_TASK,
                        "Open the maintenance window for " + names)
                .wave(wave)
                .after(ttlWait, stagingMonitor)
                .param(
                        "instructions",
                        "Start the scheduled maintenance window (about " + PostgresRule.minutes(windowSeconds)
                                + " minutes) for " + names + ".")
                .param("predictedMinutes", PostgresRule.minutes(windowSeconds))
                .reason("Cutover happens in a scheduled maintenance window, predicted at "
                        + PostgresRule.minutes(windowSeconds) + " minutes from the data to copy.");
        if (longest != null) {
            windowStep.reason(longest);
        }
        if (stagingMonitor != null) {
            windowStep.reason("Staging was deployed, migrated and validated first (" + stagingMonitor + ").");
        }
        apps.forEach(app -> windowStep.after(Ids.validate(app.name())));
        databases.forEach(db -> {
            if (draft.has("sync:" + db.handle())) {
                windowStep.after("sync:" + db.handle());
            }
        });
        draft.add(windowStep);

        boolean anyCopy = !databases.isEmpty();
        Map<String, List<String>> stopsByApp = new TreeMap<>();
        List<String> pauses = new ArrayList<>();
        for (AppInventory app : apps) {
            String maintenance = "maintenance-on:" + app.name();
            draft.add(Step.of(
                            maintenance,
                            StepTypes.HEROKU_MAINTENANCE,
                            "Put " + app.name() + " in maintenance on Heroku")
                    .app(app.name())
                    .wave(wave)
                    .after(window)
                    .param("app", app.name())
                    .param("enabled", true)
                    .reason("No writes may happen between the final backup and the DNS switch; Heroku serves its"
                            + " maintenance page meanwhile."));
            List<String> stops = new ArrayList<>(List.of(maintenance));
            if (anyCopy || !context.databasesOf(app.name()).isEmpty()) {
                for (ProcessType process : background(app)) {
                    String pause = "pause:" + app.name() + "/" + process.type();
                    draft.add(Step.of(
                                    pause,
                                    StepTypes.HEROKU_SCALE,
                                    "Pause " + app.name() + "/" + process.type() + " on Heroku")
                            .app(app.name())
                            .wave(wave)
                            .after(maintenance)
                            .param("app", app.name())
                            .param("processType", process.type())
                            .param("quantity", 0)
                            .reason("Workers pause before the final backup: they write to the databases and take jobs"
                                    + " from Redis queues. Rollback scales them back to "
                                    + process.quantity() + "."));
                    stops.add(pause);
                    pauses.add(pause);
                }
            }
            stopsByApp.put(app.name(), stops);
        }
        String drain = null;
        boolean queue = databases.stream()
                .anyMatch(db -> "redis".equals(db.engine())
                        && RedisRule.usage(db.addon()).queue());
        if (queue) {
            drain = "drain:" + group;
            draft.add(Step.of(drain, StepTypes.TIMED_WAIT, "Let in-flight jobs finish")
                    .wave(wave)
                    .after(pauses)
                    .after(stopsByApp.values().stream().flatMap(List::stream).toList())
                    .waitSeconds(120)
                    .param("instructions", "Wait two minutes for paused workers to finish their current jobs.")
                    .reason("A Redis job queue is copied only once workers have drained, so no job is lost or run"
                            + " twice."));
        }
        Map<String, List<String>> readyByDatabase = new TreeMap<>();
        for (EstateContext.DatabaseTarget db : databases) {
            List<String> stops = new ArrayList<>();
            db.apps().stream().filter(stopsByApp::containsKey).forEach(a -> stops.addAll(stopsByApp.get(a)));
            readyByDatabase.put(db.handle(), dataSteps(context, db, wave, stops, drain, draft));
        }
        List<String> finals = new ArrayList<>();
        for (AppInventory app : apps) {
            finals.addAll(switchApp(context, app, wave, stopsByApp.get(app.name()), readyByDatabase, group, draft));
        }
        String monitor = "monitor:" + group;
        draft.add(Step.of(monitor, StepTypes.TIMED_WAIT, "Monitor " + names + " on Aptible")
                .wave(wave)
                .after(finals)
                .waitSeconds(context.settings().monitorSeconds())
                .param(
                        "instructions",
                        "Watch logs, performance and background workers for "
                                + context.settings().monitorSeconds() / 60
                                + " minutes. Heroku stays in maintenance with workers paused as the fallback.")
                .reason("The guide monitors after the switch and keeps Heroku briefly as a fallback."));
        String approval = "decommission-approval:" + group;
        draft.add(Step.of(approval, StepTypes.APPROVAL, "Approve decommissioning Heroku for " + names)
                .wave(wave)
                .after(monitor)
                .param(
                        "instructions",
                        "Approve once traffic and background jobs have been stable on Aptible; until then Heroku is"
                                + " the fallback.")
                .reason("Heroku resources are decommissioned only after stable traffic, and only with approval."));
        List<String> checklist = new ArrayList<>();
        for (AppInventory app : apps) {
            checklist.add("heroku pg:backups:download --app " + app.name() + " (keep a last copy, if it has Postgres)");
            checklist.add("heroku apps:destroy --app " + app.name() + " --confirm " + app.name());
        }
        draft.add(Step.of("decommission:" + group, StepTypes.MANUAL_TASK, "Decommission Heroku for " + names)
                .wave(wave)
                .after(approval)
                .param("instructions", "Remove the Heroku apps and their add-ons.")
                .param("checklist", String.join("\n", checklist))
                .reason("After the approval, the Heroku apps and add-ons are removed so they stop costing."));
        return monitor;
    }

    private static List<String> dataSteps(
            EstateContext context,
            EstateContext.DatabaseTarget db,
            int wave,
            List<String> stops,
            String drain,
            PlanDraft draft) {
        AddOn addon = db.addon();
        String owner = db.ownerApp();
        // Data steps name the target's environment too: a handle is unique only within one.
        String environment = context.environment(owner);
        SealedSecret source = sourceUrl(context, db);
        String missing = source == null
                ? "The source URL of " + addon.name() + " is not among " + owner + "'s config vars."
                : null;
        switch (db.engine()) {
            case "postgresql" -> {
                PostgresRule.Copy copy = PostgresRule.copy(context, addon);
                String backup = "backup:" + db.handle();
                draft.add(Step.of(backup, StepTypes.HEROKU_BACKUP, "Take the final backup of " + addon.name())
                        .app(owner)
                        .wave(wave)
                        .after(stops)
                        .param("app", owner)
                        .param("addon", addon.name())
                        .reason("The guide takes a final backup immediately before cutover, once writes stopped."));
                Step move;
                if (PostgresRule.LOGICAL_SYNC.equals(copy.strategy())) {
                    move = Step.of(
                                    "catchup:" + db.handle(),
                                    StepTypes.CATCH_UP_POSTGRES,
                                    "Catch " + db.handle() + " up with " + addon.name())
                            .after(draft.has("sync:" + db.handle()) ? "sync:" + db.handle() : null)
                            .param("sourceAddon", addon.name())
                            .param("targetDatabase", db.handle())
                            .param("environment", environment)
                            .param("environment", environment)
                            .reason("Logical sync ran ahead of the window; with writes stopped, only the catch-up is"
                                    + " left: zero replication lag, sequences copied, the subscription dropped.");
                    if (source != null) {
                        move.secret("sourceUrl", source);
                    }
                } else {
                    move = Step.of(
                                    "copy:" + db.handle(),
                                    StepTypes.COPY_POSTGRES,
                                    "Copy Heroku's " + addon.name() + " into Aptible")
                            .param("sourceAddon", addon.name())
                            .param("targetDatabase", db.handle())
                            .param("environment", environment)
                            .param("environment", environment)
                            .param("strategy", copy.strategy())
                            .param("jobs", copy.jobs())
                            .timeoutSeconds(
                                    (int) Math.min(Integer.MAX_VALUE, Math.max(3600, copy.predictedSeconds() * 2)))
                            .reason(copy.reason());
                    if (source != null) {
                        move.secret("sourceUrl", source);
                    }
                }
                move.app(owner).wave(wave).after(backup);
                copy.reviews().forEach(move::review);
                if (missing != null && !move.type().equals(StepTypes.MANUAL_TASK)) {
                    move.review(missing);
                }
                draft.add(move);
                Step verify = Step.of("verify:" + db.handle(), StepTypes.VERIFY_POSTGRES, "Validate " + db.handle())
                        .app(owner)
                        .wave(wave)
                        .after(move.id())
                        .param("sourceAddon", addon.name())
                        .param("targetDatabase", db.handle())
                        .param("environment", environment)
                        .reason("The guide's validation: row counts per table, schema and extensions such as pgcrypto"
                                + " or uuid-ossp match the source.");
                if (source != null) {
                    verify.secret("sourceUrl", source);
                } else {
                    verify.review(missing);
                }
                draft.add(verify);
                return List.of(verify.id());
            }
            case "redis" -> {
                RedisRule.Usage usage = RedisRule.usage(addon);
                if (!usage.queue()) {
                    return List.of();
                }
                Step copy = Step.of(
                                "copy-redis:" + db.handle(),
                                StepTypes.COPY_REDIS,
                                "Copy the job queue of " + addon.name())
                        .app(owner)
                        .wave(wave)
                        .after(stops)
                        .after(drain)
                        .param("sourceAddon", addon.name())
                        .param("targetDatabase", db.handle())
                        .param("environment", environment)
                        .reason(usage.reason());
                if (usage.review() != null) {
                    copy.review(usage.review());
                }
                if (source != null) {
                    copy.secret("sourceUrl", source);
                } else {
                    copy.review(missing);
                }
                draft.add(copy);
                return List.of(copy.id());
            }
            default -> {
                Step copy = Step.of(
                                "copy:" + db.handle(),
                                StepTypes.MANUAL_TASK,
                                "Copy " + addon.name() + " into " + db.handle())
                        .app(owner)
                        .wave(wave)
                        .after(stops)
                        .param(
                                "instructions",
                                "Copy the data of " + addon.name() + " into the Aptible " + db.engine() + " "
                                        + db.handle() + " (for example a dump and restore over aptible db:tunnel).")
                        .reason("Ferry has no automatic copy for " + db.engine() + ".");
                draft.add(copy);
                return List.of(copy.id());
            }
        }
    }

    private static List<String> switchApp(
            EstateContext context,
            AppInventory app,
            int wave,
            List<String> stops,
            Map<String, List<String>> readyByDatabase,
            String group,
            PlanDraft draft) {
        String name = app.name();
        ConfigRule.Config config = ConfigRule.decide(context, app);
        String ready = null;
        if (!config.references().isEmpty()) {
            Step repoint = Step.of("repoint:" + name, StepTypes.CONFIGURE_APP, "Point " + name + " at the copied data")
                    .app(name)
                    .wave(wave)
                    .after(stops)
                    .param("app", name)
                    .reason("The guide updates environment variables once the data is in place: "
                            + String.join(", ", config.references().keySet())
                            + " point at the Aptible databases, and the app restarts on the copied data."
                            + config.credentialNote());
            config.referTo(repoint);
            for (EstateContext.DatabaseTarget db : context.databasesOf(name)) {
                if (context.group(db.ownerApp()).equals(group)) {
                    repoint.after(readyByDatabase.getOrDefault(db.handle(), List.of()));
                }
            }
            draft.add(repoint);
            ready = repoint.id();
        }
        List<String> finals = new ArrayList<>();
        List<Domain> domains = EndpointRule.customDomains(app);
        boolean web = ServicesRule.processes(app).services().containsKey(EndpointRule.WEB);
        if (web && !domains.isEmpty()) {
            List<String> hostnames = domains.stream().map(Domain::hostname).toList();
            for (Domain domain : domains) {
                String host = domain.hostname();
                String endpointId = EndpointRule.endpointFor(name, hostnames, host);
                Step switchDns = Step.of(
                                "switch:" + name + "/" + host,
                                StepTypes.MANUAL_TASK,
                                "Switch DNS of " + host + " to Aptible")
                        .app(name)
                        .wave(wave)
                        .after(ready)
                        .after(stops)
                        .after(draft.has("acme:" + name + "/" + host) ? "acme:" + name + "/" + host : null)
                        .after(endpointId)
                        .param(
                                "instructions",
                                "Point " + host + " (CNAME, or ALIAS at the apex) at the Aptible endpoint hostname"
                                        + " shown by aptible endpoints:list --app " + name + ".")
                        .pointOfNoReturn()
                        .reason("From here users write to Aptible: rolling back would lose their writes, so"
                                + " rollback stops at this step.");
                draft.add(switchDns);
                String verify = "verify-dns:" + name + "/" + host;
                draft.add(Step.of(verify, StepTypes.VERIFY_DNS, "Check " + host + " resolves to Aptible")
                        .app(name)
                        .wave(wave)
                        .after(switchDns.id())
                        .param("hostname", host)
                        .param("endpoint", endpointId)
                        .reason("The switch is done when the name resolves to the endpoint."));
                finals.add(verify);
            }
        } else {
            Step switchApp = Step.of(
                            "switch:" + name,
                            StepTypes.MANUAL_TASK,
                            web ? "Send " + name + "'s clients to Aptible" : "Hand " + name + "'s work to Aptible")
                    .app(name)
                    .wave(wave)
                    .after(ready)
                    .after(stops)
                    .param(
                            "instructions",
                            web
                                    ? "Update clients and webhook senders from " + name
                                            + ".herokuapp.com to the Aptible default domain."
                                    : "Confirm Aptible's services of " + name + " run and Heroku's stay paused.")
                    .pointOfNoReturn()
                    .reason("From here Aptible takes the writes: rollback stops at this step.");
            draft.add(switchApp);
            finals.add(switchApp.id());
        }
        return finals;
    }

    private static List<ProcessType> background(AppInventory app) {
        return app.formation().stream()
                .filter(p -> !p.type().equals(EndpointRule.WEB) && !p.type().equals(ServicesRule.RELEASE))
                .filter(p -> p.quantity() > 0)
                .sorted((a, b) -> a.type().compareTo(b.type()))
                .toList();
    }

    static SealedSecret sourceUrl(EstateContext context, EstateContext.DatabaseTarget db) {
        AppInventory owner = context.app(db.ownerApp()).orElseThrow();
        AddOn addon = owner.addons().stream()
                .filter(a -> a.id().equals(db.addon().id()))
                .findFirst()
                .orElse(db.addon());
        List<String> names = addon.configVars().stream().sorted().toList();
        for (ConfigVar var : owner.configVars().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList()) {
            if (names.contains(var.name())) {
                return var.value();
            }
        }
        return null;
    }
}
