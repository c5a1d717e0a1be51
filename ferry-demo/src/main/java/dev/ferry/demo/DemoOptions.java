package dev.ferry.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the demo asks for and how long it waits.
 *
 * @param apps Heroku apps to discover
 * @param waitTimeout the longest each wait (discovery, plan, migration, Slack) may take
 * @param pollInterval pause between two looks at an API while waiting
 */
public record DemoOptions(List<String> apps, Duration waitTimeout, Duration pollInterval) {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_POLL = Duration.ofMillis(200);

    public DemoOptions {
        apps = List.copyOf(apps);
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("Name at least one app to discover");
        }
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (waitTimeout.isNegative() || waitTimeout.isZero()) {
            throw new IllegalArgumentException("waitTimeout must be positive");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
    }

    /** Discover {@code acme-shop}, wait up to 120 s for each stage (who signs in: {@link DemoAuth}). */
    public static DemoOptions defaults() {
        return new DemoOptions(List.of("acme-shop"), DEFAULT_WAIT, DEFAULT_POLL);
    }

    /**
     * The defaults, overridden by {@code FERRY_DEMO_APPS} (comma-separated) and {@code
     * FERRY_DEMO_WAIT_SECONDS}.
     */
    public static DemoOptions fromEnv(Map<String, String> env) {
        DemoOptions d = defaults();
        List<String> apps = d.apps();
        String appsVar = env.get("FERRY_DEMO_APPS");
        if (appsVar != null && !appsVar.isBlank()) {
            apps = Arrays.stream(appsVar.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        Duration wait = d.waitTimeout();
        String waitVar = env.get("FERRY_DEMO_WAIT_SECONDS");
        if (waitVar != null && !waitVar.isBlank()) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(waitVar.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "FERRY_DEMO_WAIT_SECONDS must be a whole number, got '" + waitVar + "'");
            }
        }
        return new DemoOptions(apps, wait, d.pollInterval());
    }
}
