package dev.ferry.demo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the demo finds each service and simulator: base URLs such as {@code http://127.0.0.1:8081}.
 *
 * @param inventory inventory-service
 * @param planner planner-service
 * @param executor executor-service
 * @param notifier notifier-service
 * @param heroku the Heroku API simulator
 * @param aptible the Aptible API simulator
 * @param slack the Slack receiver
 */
public record DemoTargets(URI inventory, URI planner, URI executor, URI notifier, URI heroku, URI aptible, URI slack) {

    public DemoTargets {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(heroku, "heroku");
        Objects.requireNonNull(aptible, "aptible");
        Objects.requireNonNull(slack, "slack");
    }

    /** The fixed local ports the demo uses unless told otherwise. */
    public static DemoTargets localDefaults() {
        return fromEnv(Map.of());
    }

    /**
     * Base URLs from the environment: {@code <NAME>_URL} if set, otherwise {@code
     * http://127.0.0.1:<NAME>_PORT} with the default port, for NAME in INVENTORY (8081), PLANNER
     * (8082), EXECUTOR (8083), NOTIFIER (8084), HEROKU_SIM (8091), APTIBLE_SIM (8092) and
     * SLACK_RECEIVER (8093).
     */
    public static DemoTargets fromEnv(Map<String, String> env) {
        return new DemoTargets(
                url(env, "INVENTORY", 8081),
                url(env, "PLANNER", 8082),
                url(env, "EXECUTOR", 8083),
                url(env, "NOTIFIER", 8084),
                url(env, "HEROKU_SIM", 8091),
                url(env, "APTIBLE_SIM", 8092),
                url(env, "SLACK_RECEIVER", 8093));
    }

    /** Each target by the name people know it by, services first. */
    public Map<String, URI> byName() {
        Map<String, URI> named = new LinkedHashMap<>();
        named.put("inventory-service", inventory);
        named.put("planner-service", planner);
        named.put("executor-service", executor);
        named.put("notifier-service", notifier);
        named.put("heroku-api simulator", heroku);
        named.put("aptible-api simulator", aptible);
        named.put("slack-receiver", slack);
        return named;
    }

    /** {@code base} joined with an absolute path, whether or not the base ends with a slash. */
    public static URI at(URI base, String path) {
        String b = base.toString();
        if (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + (path.startsWith("/") ? path : "/" + path));
    }

    private static URI url(Map<String, String> env, String name, int defaultPort) {
        String url = env.get(name + "_URL");
        if (url != null && !url.isBlank()) {
            return URI.create(url.trim());
        }
        String port =
                env.getOrDefault(name + "_PORT", Integer.toString(defaultPort)).trim();
        if (!port.matches("[1-9][0-9]{0,4}")) {
            throw new IllegalArgumentException(name + "_PORT must be a port number, got '" + port + "'");
        }
        return URI.create("http://127.0.0.1:" + port);
    }
}
