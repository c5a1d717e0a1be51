package dev.ferry.executor.crash;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crash test's 30-step plan: an environment, ten apps with chained configurations, two
 * PostgreSQL databases each provisioned, copied from a real source and verified, and three timed
 * waits. The copies run one after the other; the two apps that own a database get its URL only
 * after the copy was verified.
 */
final class CrashPlan {
    static final int APPS = 10;
    static final long WAIT_SECONDS = 3;
    /** The apps (by index) that get a database's URL: the first database's, then the second's. */
    static final List<Integer> APPS_WITH_DATABASE = List.of(0, 5);

    private CrashPlan() {}

    /** @param sources the source URL (a secret, sealed into the steps) by target database handle */
    static List<PlanStep> steps(String env, Map<String, String> sources, SecretBox box) {
        return steps(env, sources, box, "crash-app-");
    }

    /**
     * The plan with app handles {@code <appPrefix><n>}; several plans at once use their own app and
     * database handles.
     */
    static List<PlanStep> steps(String env, Map<String, String> sources, SecretBox box, String appPrefix) {
        List<String> handles = List.copyOf(sources.keySet());
        Map<Integer, String> databaseOfApp = new HashMap<>();
        for (int d = 0; d < Math.min(handles.size(), APPS_WITH_DATABASE.size()); d++) {
            databaseOfApp.put(APPS_WITH_DATABASE.get(d), handles.get(d));
        }
        List<PlanStep> steps = new ArrayList<>();
        steps.add(step(
                "environment",
                "ensure-environment",
                List.of(),
                Map.of("handle", env, "type", "production"),
                Map.of(),
                null,
                box));
        String previousVerify = null;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String handle = source.getKey();
            String sourceUrl = source.getValue();
            String addon = "heroku-" + handle;
            steps.add(step(
                    "db:" + handle,
                    "ensure-database",
                    List.of("environment"),
                    Map.of(
                            "environment", env,
                            "handle", handle,
                            "engine", "postgresql",
                            "version", "15",
                            "diskSizeGb", "10",
                            "containerSizeMb", "1024"),
                    Map.of(),
                    null,
                    box));
            // one copy at a time, as an operator would to keep the source's load down
            List<String> copyAfter = new ArrayList<>(List.of("db:" + handle));
            if (previousVerify != null) {
                copyAfter.add(previousVerify);
            }
            previousVerify = "verify:" + handle;
            steps.add(step(
                    "copy:" + handle,
                    "copy-postgres",
                    copyAfter,
                    Map.of("sourceAddon", addon, "targetDatabase", handle, "strategy", "dump-restore", "jobs", "2"),
                    Map.of("sourceUrl", sourceUrl),
                    null,
                    box));
            steps.add(step(
                    "verify:" + handle,
                    "verify-postgres",
                    List.of("copy:" + handle),
                    Map.of("sourceAddon", addon, "targetDatabase", handle),
                    Map.of("sourceUrl", sourceUrl),
                    null,
                    box));
        }
        List<String> previous = List.of("environment");
        String lastConfigure = null;
        for (int group = 0; group < 2; group++) {
            String wait = "wait-" + group;
            steps.add(
                    step(wait, "timed-wait", previous, Map.of("instructions", "settle"), Map.of(), WAIT_SECONDS, box));
            List<String> configures = new ArrayList<>();
            for (int i = group * 5; i < group * 5 + 5; i++) {
                String app = appPrefix + i;
                steps.add(step(
                        "app:" + app,
                        "ensure-app",
                        List.of(wait),
                        Map.of("handle", app, "app", app, "environment", env),
                        Map.of(),
                        null,
                        box));
                List<String> deps = new ArrayList<>(List.of("app:" + app));
                if (lastConfigure != null) {
                    deps.add(lastConfigure);
                }
                Map<String, String> params = new LinkedHashMap<>(Map.of("app", app));
                String database = databaseOfApp.get(i);
                if (database != null) {
                    params.put("env.DATABASE_URL", "database:" + database);
                    deps.add("verify:" + database);
                }
                lastConfigure = "configure:" + app;
                steps.add(step(
                        lastConfigure,
                        "configure-app",
                        deps,
                        params,
                        Map.of("SECRET_KEY_BASE", "FAKE-crash-secret-" + i, "RAILS_ENV", "production"),
                        null,
                        box));
                configures.add(lastConfigure);
            }
            previous = configures;
        }
        steps.add(step(
                "wait-final", "timed-wait", previous, Map.of("instructions", "watch"), Map.of(), WAIT_SECONDS, box));
        return steps;
    }

    /** Step types that move or check data. */
    static boolean dataStep(String type) {
        return type.equals("copy-postgres") || type.equals("verify-postgres");
    }

    private static PlanStep step(
            String id,
            String type,
            List<String> deps,
            Map<String, String> params,
            Map<String, String> secrets,
            Long waitSeconds,
            SecretBox box) {
        Map<String, SealedSecret> sealed = new HashMap<>();
        secrets.forEach((k, v) -> sealed.put(k, box.seal(v)));
        return new PlanStep(
                id,
                type,
                id,
                "crash test",
                deps,
                params,
                sealed,
                null,
                null,
                null,
                waitSeconds,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
