package dev.ferry.inventory.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Heroku API meters for Prometheus: requests by status class, 429 answers, and the last {@code
 * RateLimit-Remaining} Heroku reported (the account's headroom; NaN until the first answer). No tag
 * names an app or a path.
 */
@ApplicationScoped
public class HerokuMetrics {
    /**
     * Shared by every instance and read through a supplier the registry holds strongly: a registry
     * keeps the first gauge registered under a name (Quarkus' global registry does so across a
     * restart in one JVM), and a gauge bound weakly to one instance reads NaN once it is collected.
     */
    private static volatile double remaining = Double.NaN;

    private final MeterRegistry registry;
    private final Counter rateLimited;

    public HerokuMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimited = Counter.builder("ferry.inventory.heroku.rate.limited")
                .description("Heroku answers that were 429 Too Many Requests")
                .register(registry);
        Gauge.builder("ferry.inventory.heroku.ratelimit.remaining", () -> remaining)
                .description("The last RateLimit-Remaining Heroku reported for the account")
                .register(registry);
    }

    /** One request sent to Heroku and how it ended: an HTTP status, or 0 when no answer came. */
    public void call(int status) {
        Counter.builder("ferry.inventory.heroku.calls")
                .description("Requests sent to the Heroku API, by status class")
                .tag("status", statusClass(status))
                .register(registry)
                .increment();
        if (status == 429) {
            rateLimited.increment();
        }
    }

    /** Heroku's count of requests left. */
    public void remaining(int value) {
        HerokuMetrics.remaining = value;
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "error";
    }
}
