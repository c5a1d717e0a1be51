package dev.ferry.planner.domain.render;

import dev.ferry.planner.domain.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The commands a person runs by hand for one step: the aptible and heroku CLIs, psql and dig. */
final class Commands {
    private Commands() {}

    static List<String> of(PlanIndex plan, StepView step) {
        Map<String, String> p = step.parameters();
        List<String> c = new ArrayList<>();
        switch (step.type()) {
            case "ensure-environment" ->
                c.add("# The aptible CLI cannot create environments: create " + p.get("environment")
                        + " (" + p.get("type") + ") in the Aptible dashboard"
                        + (p.containsKey("stack") ? " on stack " + p.get("stack") : "")
                        + ", or apply files/_estate/environments.tf.");
            case "ensure-app" ->
                c.add("aptible apps:create " + p.get("app") + " --environment " + p.get("environment"));
            case "ensure-database" -> {
                StringBuilder cmd =
                        new StringBuilder("aptible db:create " + p.get("handle") + " --type " + p.get("engine"));
                if (p.containsKey("version")) {
                    cmd.append(" --version ").append(p.get("version"));
                }
                if (p.containsKey("containerSizeMb")) {
                    cmd.append(" --container-size ").append(p.get("containerSizeMb"));
                }
                if (p.containsKey("diskSizeGb")) {
                    cmd.append(" --disk-size ").append(p.get("diskSizeGb"));
                }
                cmd.append(" --environment ").append(p.get("environment"));
                c.add(cmd.toString());
                if (p.containsKey("extensions") && !p.get("extensions").isBlank()) {
                    c.add("# then check the extensions exist: " + p.get("extensions"));
                }
            }
            case "configure-app" -> configure(plan, step, c);
            case "deploy-app" -> {
                c.add("docker build -t " + p.get("image") + " .   # with files/" + p.get("app")
                        + "/Dockerfile, Procfile," + " .aptible.yml");
                c.add("docker push " + p.get("image"));
                c.add("aptible deploy --app " + p.get("app") + " --docker-image " + p.get("image"));
                if ("true".equals(p.get("zeroDowntime"))) {
                    zeroDowntime(plan, step, c);
                }
            }
            case "scale-service" ->
                c.add("aptible apps:scale --app " + p.get("app") + " " + p.get("service")
                        + " --container-count " + p.get("containerCount")
                        + (p.containsKey("containerSizeMb") ? " --container-size " + p.get("containerSizeMb") : "")
                        + (p.containsKey("profile") ? " --container-profile " + p.get("profile") : ""));
            case "ensure-endpoint" -> endpoint(p, c);
            case "ensure-log-drain" -> drain(p, c);
            case "heroku-maintenance" ->
                c.add("heroku maintenance:" + ("true".equals(p.get("enabled")) ? "on" : "off") + " --app "
                        + p.get("app"));
            case "heroku-scale" ->
                c.add("heroku ps:scale " + p.get("processType") + "=" + p.get("quantity") + " --app " + p.get("app"));
            case "heroku-backup" -> c.add("heroku pg:backups:capture " + p.get("addon") + " --app " + p.get("app"));
            case "copy-postgres" -> copyPostgres(plan, step, c);
            case "verify-postgres" -> {
                c.add("# on both databases (Heroku: heroku pg:psql; Aptible: aptible db:tunnel "
                        + p.get("targetDatabase") + "):");
                c.add("psql \"$URL\" -c \"SELECT relname, n_live_tup FROM pg_stat_user_tables ORDER BY relname\"");
                c.add("psql \"$URL\" -c \"\\dx\"");
                c.add("pg_dump --schema-only \"$URL\" | sha256sum");
            }
            case "catch-up-postgres" -> {
                c.add("# with writes stopped: wait until the slot confirmed the source's current WAL position");
                c.add("psql \"$SOURCE\" -c \"SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) FROM"
                        + " pg_replication_slots WHERE slot_name = 'ferry_sync'\"   # until 0");
                c.add("# copy every sequence's value (SELECT setval(...) on the target), then detach:");
                c.add("psql \"$TARGET\" -c \"DROP SUBSCRIPTION ferry_sync\"; psql \"$SOURCE\" -c \"DROP PUBLICATION"
                        + " ferry_sync\"");
            }
            case "copy-redis" -> {
                c.add("# with workers paused; source from heroku redis:credentials, target through aptible db:tunnel "
                        + p.get("targetDatabase"));
                c.add("riot replicate \"$HEROKU_REDIS_URL\" \"redis://localhost:$TUNNEL_PORT\"");
            }
            case "verify-dns" ->
                c.add("dig +short CNAME " + p.get("hostname") + "   # expect the hostname of "
                        + p.get("endpoint").substring("endpoint:".length()) + " (aptible endpoints:list)");
            case "manual-task", "approval", "timed-wait" -> {
                if (p.containsKey("instructions")) {
                    c.add("# " + p.get("instructions"));
                }
            }
            default -> c.add("# no command for " + step.type());
        }
        return c;
    }

    private static void configure(PlanIndex plan, StepView step, List<String> c) {
        String app = step.parameters().get("app");
        List<String> pairs = new ArrayList<>();
        step.parameters().forEach((key, value) -> {
            if (key.startsWith("env.")) {
                String handle = value.startsWith("database:") ? value.substring("database:".length()) : null;
                String credential = step.parameters().get("credential." + key.substring(4));
                String type = credential == null ? "" : " --type " + credential;
                pairs.add(key.substring(4) + "="
                        + (handle == null ? value : "\"$(aptible db:url " + handle + type + ")\""));
            }
        });
        step.secrets()
                .keySet()
                .forEach(name -> pairs.add(name + "=\"$(heroku config:get " + name + " --app " + app + ")\""));
        if (pairs.isEmpty()) {
            c.add("# nothing to set for " + app);
            return;
        }
        c.add("aptible config:set --app " + app + " \\");
        for (int i = 0; i < pairs.size(); i++) {
            c.add("  " + pairs.get(i) + (i < pairs.size() - 1 ? " \\" : ""));
        }
    }

    /**
     * Heroku's preboot becomes each service's force_zero_downtime setting once the deploy created the
     * services; it has no effect on a service behind an endpoint, which deploys with zero downtime
     * behind its health checks anyway.
     */
    private static void zeroDowntime(PlanIndex plan, StepView step, List<String> c) {
        String app = step.parameters().get("app");
        Set<String> exposed = new TreeSet<>();
        plan.stepsOf(app, "ensure-endpoint")
                .forEach(e -> exposed.add(e.parameters().get("service")));
        List<String> background = AppBuild.of(plan, app).services().keySet().stream()
                .filter(service -> !exposed.contains(service))
                .sorted()
                .toList();
        String prefix = "# Preboot was on: "
                + (exposed.isEmpty()
                        ? ""
                        : "services behind an endpoint (" + String.join(", ", exposed)
                                + ") already deploy with zero downtime; ");
        if (background.isEmpty()) {
            c.add(prefix + "nothing to set.");
            return;
        }
        c.add(prefix + "give " + (exposed.isEmpty() ? "every service" : "the others") + " force_zero_downtime:");
        for (String service : background) {
            c.add("aptible services:settings --app " + app + " " + service + " --force-zero-downtime");
        }
    }

    private static void endpoint(Map<String, String> p, List<String> c) {
        String base = "aptible endpoints:" + p.getOrDefault("kind", "https") + ":create --app " + p.get("app") + " "
                + p.get("service");
        String flags = ("true".equals(p.get("internal")) ? " --internal" : "")
                + (p.getOrDefault("ipAllowlist", "").isBlank()
                        ? ""
                        : " --ip-whitelist " + p.get("ipAllowlist").replace(",", " "));
        String domains = p.getOrDefault("domains", "");
        if (domains.isBlank()) {
            c.add(base + ("true".equals(p.get("defaultDomain")) ? " --default-domain" : "") + flags);
            return;
        }
        for (String domain : domains.split(",")) {
            c.add(base
                    + ("true".equals(p.get("managedTls"))
                            ? " --managed-tls --managed-tls-domain " + domain
                            : " --certificate-file cert.pem --private-key-file key.pem")
                    + flags);
        }
    }

    private static void drain(Map<String, String> p, List<String> c) {
        String type = p.get("drainType");
        String handle = p.get("handle");
        String env = p.get("environment");
        switch (type) {
            case "syslog_tls_tcp", "papertrail" ->
                c.add("aptible log_drain:create:syslog " + handle + " --host <host> --port <port> --environment " + env
                        + "   # host and port from the drain URL");
            case "datadog", "sumologic", "logdna" ->
                c.add("aptible log_drain:create:" + type + " " + handle + " --url \"$DRAIN_URL\" --environment " + env);
            default -> c.add("aptible log_drain:create:https " + handle + " --url \"$DRAIN_URL\" --environment " + env);
        }
        c.add("# DRAIN_URL: heroku drains --app <app> --json (the URL is sealed in Ferry)");
    }

    private static void copyPostgres(PlanIndex plan, StepView step, List<String> c) {
        Map<String, String> p = step.parameters();
        String owner = step.app();
        String target = p.get("targetDatabase");
        switch (p.getOrDefault("strategy", "dump-restore")) {
            case "logical-sync" -> {
                c.add("# the source allows logical replication (wal_level=logical): Ferry copies the schema, then");
                c.add("# publishes the source's tables and subscribes the Aptible database (native PostgreSQL)");
                c.add("pg_dump --schema-only --no-owner --no-acl \"$SOURCE\" | psql \"$TARGET\"   # target via aptible"
                        + " db:tunnel " + target);
                c.add("psql \"$SOURCE\" -c \"CREATE PUBLICATION ferry_sync FOR TABLE <every table>\"");
                c.add("psql \"$TARGET\" -c \"CREATE SUBSCRIPTION ferry_sync CONNECTION '$SOURCE_CONNINFO' PUBLICATION"
                        + " ferry_sync WITH (copy_data = true)\"");
                c.add("psql \"$TARGET\" -c \"SELECT srsubstate, count(*) FROM pg_subscription_rel GROUP BY 1\"   #"
                        + " done when every table is r");
            }
            case "parallel-dump-restore" -> {
                c.add("aptible db:tunnel " + target + "   # in another terminal; note the port");
                c.add("pg_dump -Fd -j " + p.get("jobs") + " -f dump \"$(heroku config:get DATABASE_URL --app " + owner
                        + ")\"");
                c.add("pg_restore --verbose --clean --no-acl --no-owner -j " + p.get("jobs")
                        + " -h localhost -p PORT -U aptible -d db dump");
            }
            default -> {
                c.add("heroku pg:backups:download --app " + owner);
                c.add("aptible db:tunnel " + target + "   # in another terminal; note the port");
                c.add("pg_restore --verbose --clean --no-acl --no-owner -h localhost -p PORT -U aptible -d db"
                        + " latest.dump");
            }
        }
    }
}
