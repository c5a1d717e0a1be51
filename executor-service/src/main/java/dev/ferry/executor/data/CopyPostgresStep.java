package dev.ferry.executor.data;

import dev.ferry.events.migration.StepProgress;
import dev.ferry.executor.data.postgres.CopyProgress;
import dev.ferry.executor.data.postgres.CopyReport;
import dev.ferry.executor.data.postgres.PostgresCopier;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepHandler;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code copy-postgres}: copies the Heroku database (sealed {@code sourceUrl}) into the Aptible
 * database {@code targetDatabase}, reporting progress as {@link StepProgress}. Strategies: {@code
 * dump-restore} (one stream unless {@code jobs} says otherwise) and {@code parallel-dump-restore}
 * ({@code jobs} streams, default from config); {@code logical-sync} goes to {@link SyncPostgresStep}
 * (native logical replication). Running a dump strategy again over this step's own partial copy starts the
 * copy over; a target holding data this migration step did not write is refused.
 */
@ApplicationScoped
public class CopyPostgresStep implements StepHandler {
    private final DataSteps data;
    private final ProgressSink sink;
    private final PostgresCopier copier;
    private final SyncPostgresStep sync;

    public CopyPostgresStep(DataSteps data, ProgressSink sink) {
        this.data = data;
        this.sink = sink;
        this.copier = new PostgresCopier(data.tools());
        this.sync = new SyncPostgresStep(data, sink);
    }

    @Override
    public String type() {
        return "copy-postgres";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        if (logical(context)) {
            return sync.ensure(context);
        }
        return Uni.createFrom().deferred(() -> {
            int jobs = jobs(context);
            String addon = context.parameter("sourceAddon");
            String handle = context.parameter("targetDatabase");
            String sourceUrl = data.secret(context, "sourceUrl");
            CopyMetrics.Tally tally = data.metrics().start("postgres");
            return data.targetUrl(context, handle)
                    .flatMap(targetUrl -> data.blocking(
                            context,
                            () -> copier.copy(
                                    sourceUrl,
                                    targetUrl,
                                    DataSteps.owner(context),
                                    data.settings().options(jobs),
                                    p -> {
                                        tally.progress(p.bytesDone(), p.rowsDone());
                                        sink.progress(event(context, p));
                                    })))
                    .invoke(report -> tally.finished(report.bytes(), report.rows(), report.elapsed()))
                    .map(report -> outcome(addon, handle, report));
        });
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        return Uni.createFrom().deferred(() -> {
            List<String> problems = new ArrayList<>();
            String sourceUrl;
            String handle;
            try {
                jobs(context);
                context.parameter("sourceAddon");
                handle = context.parameter("targetDatabase");
                sourceUrl = data.secret(context, "sourceUrl");
            } catch (StepException e) {
                return Uni.createFrom().item(List.of(e.getMessage()));
            }
            if (logical(context)) {
                return sync.dryRun(context, sourceUrl, handle)
                        .onFailure()
                        .recoverWithItem(f -> List.of(f.getMessage()));
            }
            return data.targetUrl(context, handle)
                    .flatMap(targetUrl ->
                            data.blocking(() -> copier.preflight(sourceUrl, targetUrl, DataSteps.owner(context))))
                    .onFailure()
                    .recoverWithItem(f -> List.of(f.getMessage()))
                    .map(found -> {
                        problems.addAll(found);
                        return problems;
                    });
        });
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        return logical(context) ? sync.compensate(context) : StepHandler.super.compensate(context);
    }

    private static boolean logical(StepContext context) {
        return "logical-sync"
                .equalsIgnoreCase(
                        context.step().parameters().getOrDefault("strategy", "").trim());
    }

    private int jobs(StepContext context) {
        String strategy = context.step().parameters().getOrDefault("strategy", "dump-restore");
        return switch (strategy.toLowerCase(Locale.ROOT)) {
            case "dump-restore" -> DataSteps.intParameter(context, "jobs", 1);
            case "parallel-dump-restore" ->
                DataSteps.intParameter(context, "jobs", data.settings().jobs());
            case "logical-sync" -> 1; // SyncPostgresStep runs it
            default ->
                throw new StepException(
                        "Step " + context.step().id() + ": unknown strategy '" + strategy
                                + "' (dump-restore, parallel-dump-restore, logical-sync)",
                        false);
        };
    }

    static StepProgress event(StepContext context, CopyProgress p) {
        return new StepProgress(
                context.migrationId(),
                context.step().id(),
                context.step().type(),
                p.bytesDone(),
                p.bytesTotal(),
                p.rowsDone(),
                p.tablesDone(),
                p.tablesTotal(),
                p.etaSeconds(),
                p.message(),
                Instant.now());
    }

    private static StepOutcome outcome(String addon, String handle, CopyReport r) {
        String summary = String.format(
                Locale.ROOT,
                "Copied %s into %s: %d tables, %d rows, %.0f MB in %.1f s (%.1f MB/s)%s",
                addon,
                handle,
                r.tables(),
                r.rows(),
                r.bytes() / 1e6,
                r.elapsed().toMillis() / 1000.0,
                r.megabytesPerSecond(),
                r.recreated() ? ", over an earlier partial copy that was dropped first" : "");
        return new StepOutcome(
                summary,
                Map.of(
                        "tables", Integer.toString(r.tables()),
                        "rows", Long.toString(r.rows()),
                        "bytes", Long.toString(r.bytes()),
                        "seconds", Long.toString(r.elapsed().toSeconds()),
                        "recreated", Boolean.toString(r.recreated())));
    }
}
