package dev.ferry.executor.data;

import dev.ferry.executor.data.postgres.LogicalSync;
import dev.ferry.executor.data.postgres.LogicalSync.SyncReport;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code copy-postgres} with strategy {@code logical-sync} (step {@code sync:<handle>}): starts
 * native logical replication from the Heroku database into the Aptible one ahead of the window and
 * succeeds once the initial copy of every table is done; the subscription keeps applying writes
 * until {@code catch-up-postgres}. Its compensation removes the replication objects on both sides.
 */
final class SyncPostgresStep {
    /** How long one attempt waits for the initial copy when the plan step sets no timeout. */
    static final Duration DEFAULT_WAIT = Duration.ofHours(6);

    private final DataSteps data;
    private final ProgressSink sink;
    private final LogicalSync sync;

    SyncPostgresStep(DataSteps data, ProgressSink sink) {
        this.data = data;
        this.sink = sink;
        this.sync = new LogicalSync(data.tools());
    }

    Uni<StepOutcome> ensure(StepContext context) {
        return Uni.createFrom().deferred(() -> {
            String addon = context.parameter("sourceAddon");
            String handle = context.parameter("targetDatabase");
            String sourceUrl = data.secret(context, "sourceUrl");
            Duration wait = maxWait(context);
            return data.targetUrl(context, handle)
                    .flatMap(targetUrl -> data.blocking(
                            context,
                            () -> sync.sync(
                                    sourceUrl,
                                    targetUrl,
                                    handle,
                                    DataSteps.owner(context),
                                    data.settings().options(1),
                                    wait,
                                    p -> sink.progress(CopyPostgresStep.event(context, p)))))
                    .map(report -> outcome(addon, handle, report));
        });
    }

    Uni<List<String>> dryRun(StepContext context, String sourceUrl, String handle) {
        return data.targetUrl(context, handle)
                .flatMap(targetUrl ->
                        data.blocking(() -> sync.preflight(sourceUrl, targetUrl, handle, DataSteps.owner(context))));
    }

    Uni<StepOutcome> compensate(StepContext context) {
        return Uni.createFrom().deferred(() -> {
            String handle = context.parameter("targetDatabase");
            String sourceUrl = data.secret(context, "sourceUrl");
            return data.targetUrl(context, handle)
                    .flatMap(targetUrl -> data.blocking(context, () -> sync.remove(sourceUrl, targetUrl, handle)))
                    .map(summary -> new StepOutcome(summary, Map.of()));
        });
    }

    /** The step's own timeout bounds the wait, so a timed-out attempt's thread stops polling too. */
    static Duration maxWait(StepContext context) {
        Integer timeout = context.step().timeoutSeconds();
        return timeout == null ? DEFAULT_WAIT : Duration.ofSeconds(timeout);
    }

    private static StepOutcome outcome(String addon, String handle, SyncReport r) {
        String summary = String.format(
                Locale.ROOT,
                "Syncing %s into %s by logical replication: %d tables (%.0f MB) copied%s in %.1f s (%.1f MB/s),"
                        + " lag %d bytes; the subscription %s keeps applying writes until the catch-up",
                addon,
                handle,
                r.tables(),
                r.bytes() / 1e6,
                r.resumed() ? " (an earlier attempt started it)" : "",
                r.initialSync().toMillis() / 1000.0,
                r.megabytesPerSecond(),
                r.lagBytes(),
                r.names().subscription());
        return new StepOutcome(
                summary,
                Map.of(
                        "publication", r.names().publication(),
                        "subscription", r.names().subscription(),
                        "slot", r.names().slot(),
                        "tables", Integer.toString(r.tables()),
                        "bytes", Long.toString(r.bytes()),
                        "seconds", Long.toString(r.initialSync().toSeconds()),
                        "lagBytes", Long.toString(r.lagBytes()),
                        "resumed", Boolean.toString(r.resumed())));
    }
}
