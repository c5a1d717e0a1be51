package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.PostgresProbe;
import dev.ferry.planner.domain.PlannerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku Postgres becomes Aptible-managed PostgreSQL: the same major version or the nearest one
 * Aptible offers (flagged), extensions checked against what Aptible supports, and a copy strategy
 * from the probe: dump and restore under 10 GB; above it logical sync only where the probe proved
 * the source allows it (classic Heroku Postgres does not), otherwise a parallel dump and restore in
 * a maintenance window predicted from the size and a throughput: measured by an earlier copy where
 * there is one (see {@link Throughput}), else the configured one.
 */
public final class PostgresRule {
    public static final String DUMP_RESTORE = "dump-restore";
    public static final String PARALLEL_DUMP_RESTORE = "parallel-dump-restore";
    public static final String LOGICAL_SYNC = "logical-sync";

    /** Extensions Aptible's PostgreSQL images ship; others need a person to check. */
    static final Set<String> SUPPORTED_EXTENSIONS = Set.of(
            "plpgsql",
            "pgcrypto",
            "uuid-ossp",
            "hstore",
            "citext",
            "pg_trgm",
            "postgis",
            "postgis_topology",
            "pg_stat_statements",
            "btree_gin",
            "btree_gist",
            "unaccent",
            "fuzzystrmatch",
            "intarray",
            "ltree",
            "tablefunc",
            "cube",
            "earthdistance",
            "pgrowlocks",
            "pg_buffercache",
            "dblink",
            "postgres_fdw",
            "tsm_system_rows",
            "isn",
            "lo",
            "seg",
            "vector",
            "pgvector",
            "pg_partman");

    /**
     * How the data moves.
     *
     * @param sizeBytes null when neither the probe nor the Data API told the size
     * @param predictedSeconds the copy's predicted share of the maintenance window
     */
    public record Copy(
            String strategy, int jobs, Long sizeBytes, long predictedSeconds, String reason, List<String> reviews) {}

    private PostgresRule() {}

    public static Step ensureDatabase(EstateContext context, EstateContext.DatabaseTarget target) {
        AddOn addon = target.addon();
        PostgresProbe probe = addon.postgresProbe();
        String environment = context.environment(target.ownerApp());
        Step step = Step.of(
                        Ids.database(target.handle()),
                        StepTypes.ENSURE_DATABASE,
                        "Provision PostgreSQL " + target.handle())
                .app(target.ownerApp())
                .after(Ids.environment(environment))
                .param("environment", environment)
                .param("handle", target.handle())
                .param("engine", "postgresql")
                .reason("Heroku Postgres " + addon.name() + " (" + addon.plan() + ", used by "
                        + String.join(", ", target.apps()) + ") becomes Aptible-managed PostgreSQL.");
        version(context.settings(), addon, step);
        Long size = size(addon);
        if (size != null) {
            long gb = Math.max(10, (long) Math.ceil(size * 2.0 / 1_000_000_000L));
            step.param("diskSizeGb", gb)
                    .reason("Disk " + gb + " GB: twice the " + human(size) + " of data, at least 10.");
        } else {
            step.review("The database's size was not discovered: choose the disk size.");
        }
        Integer ramMb = planMemoryMb(addon.plan());
        if (ramMb != null) {
            int container = SizingRule.roundUp(ramMb / 1024.0);
            step.param("containerSizeMb", container)
                    .reason("Container " + container + " MB: at least the memory of " + addon.plan() + ".");
        } else {
            step.review("Plan " + addon.plan() + " has no known memory size: choose the container size.");
        }
        extensions(probe, step);
        if (addon.postgres() != null && !addon.postgres().followers().isEmpty()) {
            step.reason("Its followers (" + String.join(", ", addon.postgres().followers())
                    + ") become Aptible replicas (aptible db:replicate) after cutover.");
        }
        return step;
    }

    /** The copy strategy the probe allows, its window predicted with the configured throughput. */
    public static Copy copy(PlannerSettings settings, AddOn addon) {
        return copy(settings, Throughput.configured(settings), addon);
    }

    /** The copy strategy the probe allows, its window predicted with the estate's best throughput. */
    public static Copy copy(EstateContext context, AddOn addon) {
        return copy(context.settings(), context.throughput(addon), addon);
    }

    /** The copy strategy the probe allows, its window predicted with this throughput. */
    public static Copy copy(PlannerSettings settings, Throughput throughput, AddOn addon) {
        Long size = size(addon);
        PostgresProbe probe = addon.postgresProbe();
        List<String> reviews = new ArrayList<>();
        if (size == null) {
            reviews.add("The database's size was not discovered; the plan assumes it is large and predicts no window.");
            return new Copy(
                    PARALLEL_DUMP_RESTORE,
                    settings.parallelJobs(),
                    null,
                    settings.windowOverheadSeconds(),
                    "Size unknown: a parallel dump and restore works at any size.",
                    reviews);
        }
        if (size < settings.dumpRestoreLimitBytes()) {
            long seconds = predicted(settings, throughput, size);
            return new Copy(
                    DUMP_RESTORE,
                    1,
                    size,
                    seconds,
                    human(size) + " is under " + human(settings.dumpRestoreLimitBytes())
                            + ": a dump and restore in the maintenance window (the guide's option A) of about "
                            + minutes(seconds) + " minutes, " + prediction(settings, throughput),
                    reviews);
        }
        if (probe != null && Boolean.TRUE.equals(probe.logicalSyncPossible())) {
            if (!probe.tablesWithoutPrimaryKey().isEmpty()) {
                reviews.add("Logical sync needs a primary key on every table; these have none: "
                        + String.join(", ", probe.tablesWithoutPrimaryKey()) + ".");
            }
            return new Copy(
                    LOGICAL_SYNC,
                    1,
                    size,
                    settings.windowOverheadSeconds(),
                    human(size) + " is over " + human(settings.dumpRestoreLimitBytes())
                            + " and the probe proved the source allows logical replication (wal_level=logical and a"
                            + " replicating role): the data syncs ahead and the window only waits for it to catch up.",
                    reviews);
        }
        String why = probe == null
                ? "the source was not probed, so logical replication is not proven possible"
                : "the probe found the source cannot replicate logically (classic Heroku Postgres does not allow it)";
        long seconds = predicted(settings, throughput, size);
        return new Copy(
                PARALLEL_DUMP_RESTORE,
                settings.parallelJobs(),
                size,
                seconds,
                human(size) + " is over " + human(settings.dumpRestoreLimitBytes()) + " but " + why
                        + ": a parallel dump and restore (" + settings.parallelJobs() + " jobs) in a maintenance"
                        + " window of about " + minutes(seconds) + " minutes, " + prediction(settings, throughput),
                reviews);
    }

    static long predicted(PlannerSettings settings, Throughput throughput, long sizeBytes) {
        double copy = (double) sizeBytes / throughput.bytesPerSecond() * throughput.safetyFactor();
        return (long) Math.ceil(copy) + settings.windowOverheadSeconds();
    }

    private static String prediction(PlannerSettings settings, Throughput throughput) {
        return "predicted from " + throughput.source() + ", times " + throughput.safetyFactor() + " ("
                + throughput.factorSetting() + "), plus " + settings.windowOverheadSeconds() / 60
                + " minutes of checks.";
    }

    static Long size(AddOn addon) {
        if (addon.postgresProbe() != null && addon.postgresProbe().sizeBytes() != null) {
            return addon.postgresProbe().sizeBytes();
        }
        return addon.postgres() == null ? null : addon.postgres().numBytes();
    }

    private static void version(PlannerSettings settings, AddOn addon, Step step) {
        String raw = addon.postgresProbe() != null && addon.postgresProbe().serverVersion() != null
                ? addon.postgresProbe().serverVersion()
                : addon.postgres() == null ? null : addon.postgres().version();
        Integer major = major(raw);
        if (major == null) {
            step.review("The PostgreSQL version was not discovered: choose the version (Aptible offers "
                    + settings.postgresVersions() + ").");
            return;
        }
        List<Integer> available = settings.postgresVersions();
        if (available.contains(major)) {
            step.param("version", major).reason("Same major version as Heroku: " + major + ".");
            return;
        }
        Integer above = available.stream().filter(v -> v > major).findFirst().orElse(null);
        if (above != null) {
            step.param("version", above)
                    .reason("Heroku runs " + major + ", which Aptible does not offer; the nearest newer is " + above
                            + " (pg_restore into a newer major works).")
                    .review("PostgreSQL moves from " + major + " to " + above + ": test the app against " + above
                            + " in staging.");
        } else {
            int below = available.get(available.size() - 1);
            step.param("version", below)
                    .reason("Heroku runs " + major + ", newer than any version Aptible offers; the nearest is " + below
                            + ".")
                    .review("PostgreSQL would move down from " + major + " to " + below
                            + ": a dump from a newer major may not restore; confirm the version with Aptible.");
        }
    }

    static Integer major(String version) {
        if (version == null) {
            return null;
        }
        Matcher m = Pattern.compile("(\\d+)").matcher(version);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static void extensions(PostgresProbe probe, Step step) {
        if (probe == null || !probe.reachable()) {
            step.review("The database was not probed"
                    + (probe != null && probe.error() != null ? " (" + probe.error() + ")" : "")
                    + ", so its extensions are unknown: check them against Aptible's supported list.");
            return;
        }
        TreeSet<String> names = new TreeSet<>();
        TreeSet<String> unsupported = new TreeSet<>();
        boolean herokuExt = false;
        for (PostgresProbe.Extension extension : probe.extensions()) {
            names.add(extension.name());
            if (!SUPPORTED_EXTENSIONS.contains(extension.name().toLowerCase(Locale.ROOT))) {
                unsupported.add(extension.name());
            }
            herokuExt |= "heroku_ext".equals(extension.schema());
        }
        step.param("extensions", String.join(",", names));
        step.reason(
                names.isEmpty() ? "No extensions to carry." : "Extensions checked: " + String.join(", ", names) + ".");
        if (!unsupported.isEmpty()) {
            step.review("Extensions " + String.join(", ", unsupported)
                    + " are not on Aptible's known list: confirm support before copying.");
        }
        if (herokuExt) {
            step.reason("Some extensions live in Heroku's heroku_ext schema: create that schema on the target"
                    + " before restoring.");
        }
    }

    static Integer planMemoryMb(String plan) {
        if (plan == null) {
            return null;
        }
        String p = plan.toLowerCase(Locale.ROOT);
        if (p.contains("essential") || p.contains("mini") || p.contains("basic") || p.contains("hobby")) {
            return 1024;
        }
        Matcher m = Pattern.compile("(standard|premium|private|shield)-(\\d+)").matcher(p);
        if (!m.find()) {
            return null;
        }
        return switch (Integer.parseInt(m.group(2))) {
            case 0 -> 4 * 1024;
            case 2 -> 8 * 1024;
            case 3 -> 15 * 1024;
            case 4 -> 30 * 1024;
            case 5 -> 61 * 1024;
            case 6 -> 122 * 1024;
            case 7 -> 244 * 1024;
            case 8, 9, 10 -> 245_760;
            default -> null;
        };
    }

    public static String human(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    public static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }
}
