package dev.ferry.executor.support;

import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepHandler;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A step type for engine tests ({@code test-record}) whose behaviour the plan sets: {@code sleepMs} to
 * take time, {@code slowTimes} and {@code slowMs} to make only its first attempts take that long,
 * {@code failTimes} to fail its first attempts (retryable), {@code failUntilReleased} to fail for good
 * until a test releases it. It records runs, compensations and how many ran at once.
 */
@ApplicationScoped
public class RecordingStep implements StepHandler {
    public static final List<String> ENSURED = new CopyOnWriteArrayList<>();
    public static final List<String> COMPENSATED = new CopyOnWriteArrayList<>();
    public static final Set<String> RELEASED = ConcurrentHashMap.newKeySet();
    public static final AtomicInteger RUNNING = new AtomicInteger();
    public static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "test-record";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String key = context.migrationId() + "/" + context.step().id();
        Map<String, String> p = context.step().parameters();
        int attempt = ATTEMPTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        int now = RUNNING.incrementAndGet();
        MOST_AT_ONCE.accumulateAndGet(now, Math::max);
        long sleep = attempt <= Integer.parseInt(p.getOrDefault("slowTimes", "0"))
                ? Long.parseLong(p.get("slowMs"))
                : Long.parseLong(p.getOrDefault("sleepMs", "0"));
        return Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(Duration.ofMillis(Math.max(1, sleep)))
                .map(v -> {
                    if (attempt <= Integer.parseInt(p.getOrDefault("failTimes", "0"))) {
                        throw new StepException("Planned failure " + attempt, true);
                    }
                    if (p.containsKey("failUntilReleased") && !RELEASED.contains(key)) {
                        throw new StepException("Held until released", false);
                    }
                    ENSURED.add(key);
                    return new StepOutcome("Recorded " + context.step().id(), Map.of("attempt", "" + attempt));
                })
                .onTermination()
                .invoke(RUNNING::decrementAndGet);
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        COMPENSATED.add(context.migrationId() + "/" + context.step().id());
        return Uni.createFrom().item(new StepOutcome("Forgot " + context.step().id(), Map.of()));
    }
}
