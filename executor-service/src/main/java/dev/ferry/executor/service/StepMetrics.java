package dev.ferry.executor.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;

/**
 * Ferry's step meters for Prometheus: attempts by step type and outcome, their durations, and
 * retries. Tags are the step type (only types this executor has a handler for, else {@code other})
 * and the outcome, never a migration or an app, so the series stay few.
 */
@ApplicationScoped
public class StepMetrics {
    /** The attempt succeeded. */
    public static final String SUCCEEDED = "succeeded";
    /** The attempt failed and another one is scheduled. */
    public static final String RETRYING = "retrying";
    /** The attempt failed for good. */
    public static final String FAILED = "failed";
    /** The step's compensation succeeded. */
    public static final String COMPENSATED = "compensated";
    /** The step's compensation failed. */
    public static final String COMPENSATION_FAILED = "compensation_failed";

    /** Buckets from a quick API call to a multi-hour data copy. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        Duration.ofHours(1),
        Duration.ofHours(3)
    };

    private final MeterRegistry registry;

    public StepMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts an attempt's outcome and, when it ran its handler, how long that took. */
    public void attempt(String type, String outcome, Duration took) {
        Counter.builder("ferry.executor.steps")
                .description("Step attempts by step type and outcome")
                .tags("type", type, "outcome", outcome)
                .register(registry)
                .increment();
        if (took != null) {
            Timer.builder("ferry.executor.step.duration")
                    .description("Time a step attempt's handler ran, by step type and outcome")
                    .tags("type", type, "outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(took);
        }
    }

    /** Counts an attempt that repeats an earlier one (automatic backoff or a person's retry). */
    public void retry(String type) {
        Counter.builder("ferry.executor.step.retries")
                .description("Step attempts that repeat a failed attempt, by step type")
                .tag("type", type)
                .register(registry)
                .increment();
    }

    /** The type as a tag value: a known handler's type, else {@code other}. */
    static String tag(String type, Set<String> known) {
        return type != null && known.contains(type) ? type : "other";
    }
}
