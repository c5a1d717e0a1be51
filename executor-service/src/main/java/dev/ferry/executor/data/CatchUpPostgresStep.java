package dev.ferry.executor.data;

import dev.ferry.executor.data.postgres.LogicalCatchUp;
import dev.ferry.executor.data.postgres.LogicalCatchUp.CatchUpReport;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepHandler;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code catch-up-postgres} (step {@code catchup:<handle>}): in the maintenance window, with writes
 * stopped, waits until the logical sync applied everything the Heroku database wrote, sets the
 * sequences, and drops the subscription and publication so the Aptible database stands alone.
 * {@code verify-postgres} then compares both.
 */
@ApplicationScoped
public class CatchUpPostgresStep implements StepHandler {
    /** How long one attempt waits for zero lag when the plan step sets no timeout. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(15);

    private final DataSteps data;
    private final ProgressSink sink;
    private final LogicalCatchUp catchUp = new LogicalCatchUp();

    public CatchUpPostgresStep(DataSteps data, ProgressSink sink) {
        this.data = data;
        this.sink = sink;
    }

    @Override
    public String type() {
        return "catch-up-postgres";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        return Uni.createFrom().deferred(() -> {
            String addon = context.parameter("sourceAddon");
            String handle = context.parameter("targetDatabase");
            String sourceUrl = data.secret(context, "sourceUrl");
            Integer timeout = context.step().timeoutSeconds();
            Duration wait = timeout == null ? DEFAULT_WAIT : Duration.ofSeconds(timeout);
            return data.targetUrl(context, handle)
                    .flatMap(targetUrl -> data.blocking(
                            context,
                            () -> catchUp.catchUp(
                                    sourceUrl,
                                    targetUrl,
                                    handle,
                                    wait,
                                    p -> sink.progress(CopyPostgresStep.event(context, p)))))
                    .map(report -> outcome(addon, handle, report));
        });
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        try {
            context.parameter("sourceAddon");
            context.parameter("targetDatabase");
            data.secret(context, "sourceUrl");
        } catch (StepException e) {
            return Uni.createFrom().item(List.of(e.getMessage()));
        }
        // the subscription it catches up is created by the sync step, which a dry run does not run
        return Uni.createFrom().item(List.of());
    }

    private static StepOutcome outcome(String addon, String handle, CatchUpReport r) {
        String summary = r.subscriptionDropped()
                ? String.format(
                        Locale.ROOT,
                        "%s caught up with %s: %d bytes of WAL applied in %.2f s, %d sequences set, subscription and"
                                + " publication dropped; %s stands alone",
                        handle,
                        addon,
                        r.lagBytes(),
                        r.waited().toMillis() / 1000.0,
                        r.sequences(),
                        handle)
                : String.format(
                        Locale.ROOT,
                        "%s had already caught up with %s (an earlier attempt dropped the subscription): %d sequences"
                                + " set, publication dropped",
                        handle,
                        addon,
                        r.sequences());
        return new StepOutcome(
                summary,
                Map.of(
                        "lagBytes", Long.toString(r.lagBytes()),
                        "waitedMillis", Long.toString(r.waited().toMillis()),
                        "sequences", Integer.toString(r.sequences()),
                        "sourceLsn", r.sourceLsn() == null ? "" : r.sourceLsn(),
                        "subscriptionDropped", Boolean.toString(r.subscriptionDropped())));
    }
}
