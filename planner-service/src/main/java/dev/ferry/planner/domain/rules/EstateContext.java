package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.Pipeline;
import dev.ferry.events.inventory.PrivateSpace;
import dev.ferry.planner.domain.CopyMeasurement;
import dev.ferry.planner.domain.PlannerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The estate as the rules see it: apps in name order, where each app lands (stage, environment,
 * stack, wave), which Aptible database replaces each database add-on, and the copies measured so far.
 * Built once, read by every rule, so they agree on names and numbers.
 */
public final class EstateContext {
    public static final String PRODUCTION = "production";
    public static final String STAGING = "staging";
    public static final String DEVELOPMENT = "development";

    /**
     * The Aptible database that replaces one add-on.
     *
     * @param ownerApp the app whose environment and cutover the database belongs to
     * @param apps every app in the plan that uses it, sorted
     */
    public record DatabaseTarget(String handle, String engine, AddOn addon, String ownerApp, List<String> apps) {}

    private final EstateDiscovered estate;
    private final PlannerSettings settings;
    private final List<CopyMeasurement> measurements;
    private final String org;
    private final TreeMap<String, AppInventory> apps = new TreeMap<>();
    private final Map<String, PrivateSpace> spaces;
    private final Map<String, String> stages = new TreeMap<>();
    private final Map<String, Integer> waves;
    private final Map<String, Integer> firstWaves = new TreeMap<>();
    private final TreeMap<String, DatabaseTarget> databases = new TreeMap<>();
    private final Map<String, List<DatabaseTarget>> databasesByApp = new TreeMap<>();
    private final Map<String, List<DatabaseTarget>> databasesByGroup = new TreeMap<>();

    public EstateContext(EstateDiscovered estate, PlannerSettings settings) {
        this(estate, settings, List.of());
    }

    /**
     * @param measurements the estate's measured copies (of its add-ons, or by migrations of its plan)
     */
    public EstateContext(EstateDiscovered estate, PlannerSettings settings, List<CopyMeasurement> measurements) {
        this.estate = estate;
        this.settings = settings;
        this.measurements = measurements.stream().sorted(CopyMeasurement.ORDER).toList();
        this.org = org(estate.account().email());
        estate.apps().forEach(app -> apps.put(app.name(), app));
        if (estate.spaces() == null) {
            this.spaces = null;
        } else {
            TreeMap<String, PrivateSpace> bySpace = new TreeMap<>();
            estate.spaces().forEach(space -> bySpace.put(space.name(), space));
            this.spaces = bySpace;
        }
        apps.values().forEach(app -> stages.put(app.name(), stageOf(app)));
        this.waves = WaveRule.assign(this);
        apps.keySet().forEach(app -> firstWaves.merge(environment(app), wave(app), Math::min));
        collectDatabases();
    }

    public EstateDiscovered estate() {
        return estate;
    }

    public PlannerSettings settings() {
        return settings;
    }

    /** The throughput the copy of a Postgres add-on is predicted with, and where it came from. */
    public Throughput throughput(AddOn addon) {
        return Throughput.choose(settings, measurements, addon.name());
    }

    /**
     * The setting that marks an app as holding regulated data (PHI), {@code planner.regulated.all} or
     * {@code planner.regulated.apps}; empty when the settings do not (a Shield space says so on its own).
     */
    public Optional<String> regulatedBySetting(AppInventory app) {
        if (settings.regulatedAll()) {
            return Optional.of("planner.regulated.all");
        }
        return settings.regulatedApps().contains(app.name()) ? Optional.of("planner.regulated.apps") : Optional.empty();
    }

    /** The organisation's short name, from the account's email domain. */
    public String org() {
        return org;
    }

    public List<AppInventory> apps() {
        return List.copyOf(apps.values());
    }

    public Optional<AppInventory> app(String name) {
        return Optional.ofNullable(apps.get(name));
    }

    /** Whether the inventory described the Private Spaces at all (v1 inventories did not). */
    public boolean spacesDiscovered() {
        return spaces != null;
    }

    public Optional<PrivateSpace> space(AppInventory app) {
        return app.space() == null || spaces == null ? Optional.empty() : Optional.ofNullable(spaces.get(app.space()));
    }

    public List<PrivateSpace> spaces() {
        return spaces == null ? List.of() : List.copyOf(spaces.values());
    }

    /** {@code production}, {@code staging} or {@code development}. */
    public String stage(String app) {
        return stages.get(app);
    }

    /**
     * The Aptible environment handle an app moves to: named after its space, after its Dedicated
     * Stack for regulated apps outside spaces (an environment lives on one stack), else the org.
     */
    public String environment(String app) {
        AppInventory inventory = apps.get(app);
        String prefix = inventory.space() != null
                ? Ids.handle(inventory.space())
                : regulatedBySetting(inventory).isPresent() ? stack(inventory) : org;
        return prefix + "-" + stage(app);
    }

    /**
     * The Dedicated Stack an app needs, or null for a shared stack: a space's, or for regulated apps
     * outside spaces one per region.
     */
    public String stack(AppInventory app) {
        if (app.space() == null) {
            return regulatedBySetting(app).isPresent()
                    ? org + "-" + Ids.handle(app.region() == null ? "default" : app.region())
                    : null;
        }
        if (settings.stackPerSpace()) {
            return Ids.handle(app.space());
        }
        String region = space(app).map(PrivateSpace::region).orElse(app.region());
        return org + "-" + Ids.handle(region == null ? "default" : region);
    }

    public int wave(String app) {
        return waves.get(app);
    }

    /**
     * The earliest wave of any app in an environment: where its shared resources (log drains) go, so
     * every app that waits for them comes after them.
     */
    public int firstWave(String environment) {
        return firstWaves.get(environment);
    }

    /** The cutover group of an app: its wave and stage, e.g. {@code w2-production}. */
    public String group(String app) {
        return "w" + wave(app) + "-" + stage(app);
    }

    public List<DatabaseTarget> databases() {
        return List.copyOf(databases.values());
    }

    public Optional<DatabaseTarget> database(AddOn addon) {
        return Optional.ofNullable(databases.get(addon.id()));
    }

    /** The databases an app uses, in handle order. */
    public List<DatabaseTarget> databasesOf(String app) {
        return databasesByApp.getOrDefault(app, List.of());
    }

    /** The databases whose cutover a group runs, in handle order. */
    public List<DatabaseTarget> databasesOwnedBy(String group) {
        return databasesByGroup.getOrDefault(group, List.of());
    }

    private void collectDatabases() {
        Map<String, TreeSet<String>> users = new TreeMap<>();
        Map<String, AddOn> first = new TreeMap<>();
        for (AppInventory app : apps.values()) {
            for (AddOn addon : app.addons()) {
                if (AddonCatalogue.lookup(addon.service()).action() == AddonCatalogue.Action.APTIBLE_DATABASE) {
                    users.computeIfAbsent(addon.id(), id -> new TreeSet<>()).add(app.name());
                    first.putIfAbsent(addon.id(), addon);
                    if (addon.attachedTo() != null) {
                        addon.attachedTo().stream().filter(apps::containsKey).forEach(users.get(addon.id())::add);
                    }
                }
            }
        }
        for (var entry : first.entrySet()) {
            AddOn addon = entry.getValue();
            TreeSet<String> using = users.get(entry.getKey());
            String owner = addon.billingApp() != null && apps.containsKey(addon.billingApp())
                    ? addon.billingApp()
                    : using.first();
            String engine = AddonCatalogue.lookup(addon.service()).detail();
            databases.put(
                    entry.getKey(),
                    new DatabaseTarget(Ids.handle(addon.name()), engine, addon, owner, List.copyOf(using)));
        }
        List<DatabaseTarget> byHandle = databases.values().stream()
                .sorted((a, b) -> a.handle().compareTo(b.handle()))
                .toList();
        for (DatabaseTarget db : byHandle) {
            db.apps()
                    .forEach(app -> databasesByApp
                            .computeIfAbsent(app, a -> new ArrayList<>())
                            .add(db));
            databasesByGroup
                    .computeIfAbsent(group(db.ownerApp()), g -> new ArrayList<>())
                    .add(db);
        }
    }

    private String stageOf(AppInventory app) {
        String stage = app.pipeline() != null ? app.pipeline().stage() : stageFromPipelines(app.name());
        if (stage == null) {
            return PRODUCTION;
        }
        return switch (stage.toLowerCase(Locale.ROOT)) {
            case "staging" -> STAGING;
            case "development", "review", "test" -> DEVELOPMENT;
            default -> PRODUCTION;
        };
    }

    private String stageFromPipelines(String app) {
        if (estate.pipelines() == null) {
            return null;
        }
        List<String> found = new ArrayList<>();
        for (Pipeline pipeline : estate.pipelines()) {
            pipeline.couplings().stream().filter(c -> c.app().equals(app)).forEach(c -> found.add(c.stage()));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The pipeline an app is coupled to, if any. */
    public Optional<String> pipelineId(AppInventory app) {
        if (app.pipeline() != null) {
            return Optional.of(app.pipeline().pipelineId());
        }
        if (estate.pipelines() == null) {
            return Optional.empty();
        }
        return estate.pipelines().stream()
                .filter(p -> p.couplings().stream().anyMatch(c -> c.app().equals(app.name())))
                .map(Pipeline::id)
                .sorted()
                .findFirst();
    }

    static String org(String email) {
        String domain = email == null || !email.contains("@") ? "heroku" : email.substring(email.indexOf('@') + 1);
        return Ids.handle(domain.split("\\.")[0]);
    }
}
