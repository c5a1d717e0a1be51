package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.planner.domain.PlannerSettings;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku Redis becomes Aptible-managed Redis. The probe decides the cutover: a cache starts empty (no
 * copy), a job queue is copied after workers pause and drain. When the probe could not tell, the
 * plan treats it as a queue, which loses nothing, and asks for review. Variables that reached Redis
 * over TLS on Heroku get the Aptible database's TLS connection URL: its {@value #TLS_CREDENTIAL}
 * credential, named in the plan so the executor need not guess.
 */
public final class RedisRule {
    /**
     * The type of the Aptible database credential whose connection URL is Redis over TLS (a database's
     * credentials each have a type and a connection URL; {@code aptible db:url --type} picks one).
     */
    public static final String TLS_CREDENTIAL = "redis+ssl";

    /** Whether the Redis is copied at cutover, and why. */
    public record Usage(boolean queue, String reason, String review) {}

    private RedisRule() {}

    /**
     * Whether a variable of a Redis add-on reached it over TLS on Heroku: {@code REDIS_TLS_URL} (and
     * any other {@code *TLS*} variable) always, {@code REDIS_URL} when Heroku required TLS for it
     * (native TLS, {@code rediss://}).
     */
    public static boolean tls(AddOn addon, String variable) {
        return variable.contains("TLS")
                || addon.redis() != null && Boolean.TRUE.equals(addon.redis().tls());
    }

    public static Usage usage(AddOn addon) {
        var probe = addon.redisProbe();
        if (probe == null || probe.holdsJobQueue() == null || !probe.reachable()) {
            return new Usage(
                    true,
                    "The probe could not tell whether " + addon.name()
                            + " holds a job queue, so it is copied like one (nothing is lost).",
                    "Whether Redis " + addon.name() + " is a cache or a job queue is unknown: a cache needs no copy.");
        }
        if (probe.holdsJobQueue()) {
            String systems =
                    probe.queueSystems().isEmpty() ? "job-queue keys" : String.join(", ", probe.queueSystems());
            return new Usage(
                    true,
                    addon.name() + " holds a job queue (" + systems
                            + "): pause workers, let them drain, copy the keys, then switch.",
                    null);
        }
        return new Usage(
                false, addon.name() + " is a cache: Aptible's Redis starts empty and warms up, no copy.", null);
    }

    public static Step ensureDatabase(EstateContext context, EstateContext.DatabaseTarget target) {
        AddOn addon = target.addon();
        String environment = context.environment(target.ownerApp());
        Step step = Step.of(
                        Ids.database(target.handle()), StepTypes.ENSURE_DATABASE, "Provision Redis " + target.handle())
                .app(target.ownerApp())
                .after(Ids.environment(environment))
                .param("environment", environment)
                .param("handle", target.handle())
                .param("engine", "redis")
                .param("diskSizeGb", 10)
                .reason("Redis add-on " + addon.name() + " (" + addon.plan() + ", used by "
                        + String.join(", ", target.apps()) + ") becomes Aptible-managed Redis.");
        version(context.settings(), addon, step);
        Integer mb = planMemoryMb(addon.plan());
        if (mb == null) {
            step.review("Plan " + addon.plan() + " has no known memory size: choose the container size.");
        } else {
            int container = SizingRule.roundUp(mb / 1024.0);
            step.param("containerSizeMb", container)
                    .reason("Container " + container + " MB holds the plan's " + mb + " MB.");
        }
        boolean tls = addon.redis() != null && Boolean.TRUE.equals(addon.redis().tls());
        List<String> tlsVariables =
                addon.configVars().stream().filter(v -> tls(addon, v)).sorted().toList();
        step.param("tlsCredential", TLS_CREDENTIAL);
        step.reason(
                tls
                        ? "Heroku required TLS (rediss://) here; Aptible Redis offers a TLS connection URL too, so keep TLS on"
                                + " and drop any verify-none workaround for Heroku's self-signed certificate."
                        : "REDIS_URL points at the Aptible Redis; use its TLS URL if the client supports rediss://.");
        if (!tlsVariables.isEmpty()) {
            step.reason(String.join(", ", tlsVariables) + " used TLS on Heroku, so "
                    + (tlsVariables.size() == 1 ? "it gets" : "they get") + " the connection URL of this database's "
                    + TLS_CREDENTIAL + " credential (the configuration steps' credential." + tlsVariables.get(0)
                    + "), not the default one.");
        }
        return step;
    }

    private static void version(PlannerSettings settings, AddOn addon, Step step) {
        String raw = addon.redisProbe() != null && addon.redisProbe().serverVersion() != null
                ? addon.redisProbe().serverVersion()
                : addon.redis() == null ? null : addon.redis().version();
        if (raw == null) {
            step.review("The Redis version was not discovered: choose one of " + settings.redisVersions() + ".");
            return;
        }
        Matcher m = Pattern.compile("(\\d+)(?:\\.(\\d+))?").matcher(raw);
        if (!m.find()) {
            step.review(
                    "Redis version '" + raw + "' is not a version: choose one of " + settings.redisVersions() + ".");
            return;
        }
        int major = Integer.parseInt(m.group(1));
        List<String> available = settings.redisVersions();
        String same = available.stream()
                .filter(v -> v.startsWith(major + "."))
                .reduce((a, b) -> b)
                .orElse(null);
        if (same != null) {
            step.param("version", same)
                    .reason("Redis " + raw + " on Heroku; Aptible's " + same + " is the same major.");
            return;
        }
        String nearest = available.stream()
                .filter(v -> Integer.parseInt(v.split("\\.")[0]) > major)
                .findFirst()
                .orElse(available.get(available.size() - 1));
        step.param("version", nearest)
                .reason("Heroku runs Redis " + raw + ", which Aptible does not offer; the nearest is " + nearest + ".")
                .review("Redis changes major version from " + raw + " to " + nearest
                        + ": test the clients in staging.");
    }

    static Integer planMemoryMb(String plan) {
        if (plan == null) {
            return null;
        }
        String p = plan.toLowerCase(Locale.ROOT);
        if (p.endsWith(":mini")) {
            return 25;
        }
        Matcher m = Pattern.compile("(premium|private|shield)-(\\d+)").matcher(p);
        if (!m.find()) {
            return null;
        }
        return switch (Integer.parseInt(m.group(2))) {
            case 0 -> 50;
            case 1 -> 100;
            case 2 -> 250;
            case 3 -> 500;
            case 5 -> 1_000;
            case 7 -> 7_000;
            case 9 -> 10_000;
            case 10 -> 25_000;
            case 12 -> 50_000;
            case 14 -> 100_000;
            default -> null;
        };
    }
}
