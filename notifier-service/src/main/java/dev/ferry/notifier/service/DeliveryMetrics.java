package dev.ferry.notifier.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Slack delivery meters for Prometheus: deliveries by outcome and target kind, and how long posting
 * took (retries and Retry-After waits included). No tag names a channel, a subscription or a
 * migration.
 */
@ApplicationScoped
public class DeliveryMetrics {
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5)
    };

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One delivery ended; {@code took} is null when nothing was posted (e.g. its subscription was deleted). */
    public void delivery(String outcome, String target, Duration took) {
        Counter.builder("ferry.notifier.deliveries")
                .description("Slack deliveries by outcome and target (webhook, bot)")
                .tags("outcome", outcome, "target", target)
                .register(registry)
                .increment();
        if (took != null) {
            Timer.builder("ferry.notifier.delivery.duration")
                    .description("Time from taking a delivery to Slack's final answer, retries included")
                    .tags("outcome", outcome, "target", target)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(took);
        }
    }
}
