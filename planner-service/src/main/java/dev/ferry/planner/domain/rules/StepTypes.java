package dev.ferry.planner.domain.rules;

import dev.ferry.events.plan.RetryPolicy;
import java.util.Map;

/**
 * The step types of docs/step-types.md with the policies the planner gives each by default: how long
 * one attempt may take, how failures are retried, how success is verified, what undoes it.
 */
public final class StepTypes {
    public static final String ENSURE_ENVIRONMENT = "ensure-environment";
    public static final String ENSURE_APP = "ensure-app";
    public static final String ENSURE_DATABASE = "ensure-database";
    public static final String CONFIGURE_APP = "configure-app";
    public static final String DEPLOY_APP = "deploy-app";
    public static final String SCALE_SERVICE = "scale-service";
    public static final String ENSURE_ENDPOINT = "ensure-endpoint";
    public static final String ENSURE_LOG_DRAIN = "ensure-log-drain";
    public static final String HEROKU_MAINTENANCE = "heroku-maintenance";
    public static final String HEROKU_SCALE = "heroku-scale";
    public static final String HEROKU_BACKUP = "heroku-backup";
    public static final String COPY_POSTGRES = "copy-postgres";
    public static final String VERIFY_POSTGRES = "verify-postgres";
    public static final String CATCH_UP_POSTGRES = "catch-up-postgres";
    public static final String COPY_REDIS = "copy-redis";
    public static final String MANUAL_TASK = "manual-task";
    public static final String APPROVAL = "approval";
    public static final String TIMED_WAIT = "timed-wait";
    public static final String VERIFY_DNS = "verify-dns";

    /** What a step of a type gets unless a rule says otherwise. */
    public record Defaults(
            Integer timeoutSeconds, RetryPolicy retry, String verification, String compensation, String gate) {}

    private static final RetryPolicy API = new RetryPolicy(5, 2_000, 60_000);
    private static final RetryPolicy ONCE_MORE = new RetryPolicy(2, 30_000, 30_000);
    private static final RetryPolicy DNS = new RetryPolicy(60, 30_000, 60_000);

    private static final Map<String, Defaults> DEFAULTS = Map.ofEntries(
            Map.entry(
                    ENSURE_ENVIRONMENT,
                    new Defaults(600, API, "the environment exists with this handle", "deprovision-environment", null)),
            Map.entry(ENSURE_APP, new Defaults(600, API, "the app exists in the environment", "deprovision-app", null)),
            Map.entry(
                    ENSURE_DATABASE,
                    new Defaults(
                            3_600,
                            API,
                            "the database is provisioned and its default credential connects",
                            "deprovision-database",
                            null)),
            Map.entry(
                    CONFIGURE_APP,
                    new Defaults(
                            1_800,
                            API,
                            "the app's configuration holds every variable, compared by fingerprint",
                            "configure-app",
                            null)),
            Map.entry(
                    DEPLOY_APP,
                    new Defaults(
                            3_600, ONCE_MORE, "the deploy operation succeeded and every service runs", null, null)),
            Map.entry(
                    SCALE_SERVICE,
                    new Defaults(
                            1_800,
                            API,
                            "the service runs the requested count and size of containers",
                            "scale-service",
                            null)),
            Map.entry(
                    ENSURE_ENDPOINT,
                    new Defaults(
                            1_800,
                            API,
                            "the endpoint is provisioned and, with Managed TLS, its certificate is issued",
                            "deprovision-endpoint",
                            null)),
            Map.entry(
                    ENSURE_LOG_DRAIN,
                    new Defaults(900, API, "the log drain is provisioned", "deprovision-log-drain", null)),
            Map.entry(
                    HEROKU_MAINTENANCE,
                    new Defaults(
                            120,
                            API,
                            "Heroku reports the app's maintenance flag as requested",
                            "heroku-maintenance",
                            null)),
            Map.entry(
                    HEROKU_SCALE,
                    new Defaults(
                            300, API, "Heroku reports the formation at the requested quantity", "heroku-scale", null)),
            Map.entry(
                    HEROKU_BACKUP,
                    new Defaults(7_200, ONCE_MORE, "the backup finished and Heroku marks it succeeded", null, null)),
            Map.entry(
                    COPY_POSTGRES,
                    new Defaults(
                            21_600,
                            ONCE_MORE,
                            "the restore finished without errors; verify-postgres compares",
                            null,
                            null)),
            Map.entry(
                    VERIFY_POSTGRES,
                    new Defaults(
                            1_800,
                            ONCE_MORE,
                            "row counts per table, schema and extensions match the source",
                            null,
                            null)),
            Map.entry(
                    CATCH_UP_POSTGRES,
                    new Defaults(
                            1_800,
                            ONCE_MORE,
                            "the subscription confirmed the source's WAL position with writes stopped; sequences set;"
                                    + " subscription and publication dropped",
                            null,
                            null)),
            Map.entry(
                    COPY_REDIS,
                    new Defaults(3_600, ONCE_MORE, "the key count and queue lengths match the source", null, null)),
            Map.entry(MANUAL_TASK, new Defaults(null, null, "a person confirms it is done", null, "manual-task")),
            Map.entry(APPROVAL, new Defaults(null, null, "a person approves", null, "approval")),
            Map.entry(TIMED_WAIT, new Defaults(null, null, "the wait has elapsed", null, "timed-wait")),
            Map.entry(
                    VERIFY_DNS, new Defaults(3_600, DNS, "the hostname resolves to the Aptible endpoint", null, null)));

    private StepTypes() {}

    /** Every type the planner may emit, the contract with the executor. */
    public static boolean isKnown(String type) {
        return DEFAULTS.containsKey(type);
    }

    static Defaults defaults(String type) {
        Defaults defaults = DEFAULTS.get(type);
        if (defaults == null) {
            throw new IllegalArgumentException("Step type " + type + " is not in docs/step-types.md");
        }
        return defaults;
    }
}
