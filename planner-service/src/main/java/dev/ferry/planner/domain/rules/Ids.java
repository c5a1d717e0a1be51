package dev.ferry.planner.domain.rules;

import java.util.Locale;

/** Step ids and Aptible handles, in one place so rules that refer to each other's steps agree. */
public final class Ids {
    private Ids() {}

    /** An Aptible handle: lowercase, {@code [a-z0-9._-]}. */
    public static String handle(String raw) {
        String h = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return h.isEmpty() ? "unnamed" : h;
    }

    public static String stack(String stack) {
        return "stack:" + stack;
    }

    public static String network() {
        return "network:checklist";
    }

    public static String environment(String environment) {
        return "environment:" + environment;
    }

    public static String app(String app) {
        return "app:" + app;
    }

    public static String database(String handle) {
        return "db:" + handle;
    }

    public static String logDrain(String environment, String handle) {
        return "drain:" + environment + "/" + handle;
    }

    public static String configure(String app) {
        return "configure:" + app;
    }

    public static String build(String app) {
        return "build:" + app;
    }

    public static String deploy(String app) {
        return "deploy:" + app;
    }

    public static String scale(String app, String service) {
        return "scale:" + app + "/" + service;
    }

    public static String endpoint(String app, String service) {
        return "endpoint:" + app + "/" + service;
    }

    public static String endpoint(String app, String service, String hostname) {
        return "endpoint:" + app + "/" + service + "/" + hostname;
    }

    public static String validate(String app) {
        return "validate:" + app;
    }
}
