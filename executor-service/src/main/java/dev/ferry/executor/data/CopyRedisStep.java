package dev.ferry.executor.data;

import dev.ferry.executor.data.redis.RedisCopier;
import dev.ferry.executor.data.redis.RedisCopyReport;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepHandler;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;

/**
 * {@code copy-redis}: copies a job-queue Redis (sealed {@code sourceUrl}) into the Aptible Redis
 * {@code targetDatabase} with TTLs, after the plan paused the workers; caches get no such step. Only
 * an empty target or this step's own earlier copy (its {@code ferry:copy:<migrationId>} mark) is
 * written, with RESTORE REPLACE, so a second run overwrites; mismatched key counts fail the step.
 */
@ApplicationScoped
public class CopyRedisStep implements StepHandler {
    private final DataSteps data;

    public CopyRedisStep(DataSteps data) {
        this.data = data;
    }

    @Override
    public String type() {
        return "copy-redis";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        return Uni.createFrom().deferred(() -> {
            String addon = context.parameter("sourceAddon");
            String handle = context.parameter("targetDatabase");
            String sourceUrl = data.secret(context, "sourceUrl");
            RedisCopier copier = new RedisCopier(data.settings().redisBatch());
            return data.targetUrl(context, handle)
                    .flatMap(targetUrl ->
                            data.blocking(context, () -> copier.copy(sourceUrl, targetUrl, DataSteps.owner(context))))
                    .invoke(report -> data.metrics().keys(report.keysCopied()))
                    .map(report -> outcome(addon, handle, report));
        });
    }

    private static StepOutcome outcome(String addon, String handle, RedisCopyReport r) {
        if (!r.ok()) {
            // a writer still running on the source is the usual cause; a retry after pausing it can pass
            throw new StepException(
                    "Redis copy from " + addon + " to " + handle + " does not check out: "
                            + String.join("; ", r.differences()),
                    true);
        }
        return new StepOutcome(
                String.format(
                        Locale.ROOT,
                        "Copied %d keys from %s into %s with their TTLs in %.1f s (%d expired meanwhile)",
                        r.keysCopied(),
                        addon,
                        handle,
                        r.elapsed().toMillis() / 1000.0,
                        r.keysExpired()),
                Map.of("keys", Long.toString(r.keysCopied()), "targetKeys", Long.toString(r.targetKeys())));
    }
}
