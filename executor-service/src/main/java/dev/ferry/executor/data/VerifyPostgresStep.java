package dev.ferry.executor.data;

import dev.ferry.executor.data.postgres.PostgresVerifier;
import dev.ferry.executor.data.postgres.VerifyReport;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepHandler;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code verify-postgres}: compares the Aptible database with its Heroku source (schemas,
 * extensions, sequences, per-table row counts and checksums). Any difference fails the step for
 * good, which blocks the cutover steps that depend on it.
 */
@ApplicationScoped
public class VerifyPostgresStep implements StepHandler {
    private static final int SHOWN = 10;
    private static final int TABLES_LISTED = 200;

    private final DataSteps data;
    private final PostgresVerifier verifier = new PostgresVerifier();

    public VerifyPostgresStep(DataSteps data) {
        this.data = data;
    }

    @Override
    public String type() {
        return "verify-postgres";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        return Uni.createFrom().deferred(() -> {
            String addon = context.parameter("sourceAddon");
            String handle = context.parameter("targetDatabase");
            String sourceUrl = data.secret(context, "sourceUrl");
            int jobs = DataSteps.intParameter(context, "jobs", data.settings().jobs());
            return data.targetUrl(context, handle)
                    .flatMap(targetUrl -> data.blocking(
                            context,
                            () -> verifier.verify(
                                    sourceUrl, targetUrl, data.settings().options(jobs))))
                    .map(report -> outcome(addon, handle, report));
        });
    }

    private static StepOutcome outcome(String addon, String handle, VerifyReport r) {
        if (!r.ok()) {
            List<String> shown = r.differences().stream().limit(SHOWN).toList();
            throw new StepException(
                    handle + " does not match " + addon + " (" + r.differences().size() + " difference"
                            + (r.differences().size() == 1 ? "" : "s") + "): " + String.join(" | ", shown)
                            + (r.differences().size() > SHOWN ? " | ..." : ""),
                    false);
        }
        String summary = String.format(
                Locale.ROOT,
                "%s matches %s: %d tables, %d rows, schema and extensions equal (checked in %.1f s)%s",
                handle,
                addon,
                r.tables().size(),
                r.rows(),
                r.elapsed().toMillis() / 1000.0,
                r.notes().isEmpty() ? "" : "; note: " + String.join("; ", r.notes()));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("tables", Integer.toString(r.tables().size()));
        outputs.put("rows", Long.toString(r.rows()));
        outputs.put("seconds", Long.toString(r.elapsed().toSeconds()));
        // Per-table figures for evidence packs, bounded so the event stays small on very large schemas.
        r.tables().stream()
                .limit(TABLES_LISTED)
                .forEach(t -> outputs.put(
                        "table:" + t.table(),
                        t.targetRows() + " rows, checksum " + t.targetSum().toPlainString()));
        if (r.tables().size() > TABLES_LISTED) {
            outputs.put("tablesListed", Integer.toString(TABLES_LISTED));
        }
        return new StepOutcome(summary, outputs);
    }
}
