package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Captures a final Heroku Postgres backup through the Data API and waits for it. The transfer is
 * journalled before the step waits, so a restart polls the same backup; a failed one is captured anew.
 * Nothing to undo.
 */
@ApplicationScoped
public class HerokuBackupStep implements StepHandler {
    static final String BACKUP = "heroku-backup";

    private final HerokuSteps heroku;

    public HerokuBackupStep(HerokuSteps heroku) {
        this.heroku = heroku;
    }

    @Override
    public String type() {
        return "heroku-backup";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String app = StepSupport.required(context, "app");
        String addon = StepSupport.required(context, "addon");
        String token = heroku.token(context);
        Uni<String> transfer = context.recordedOperation(BACKUP)
                .map(uuid -> heroku.client().transfer(token, app, uuid).map(t -> failed(t) ? null : uuid))
                .orElse(Uni.createFrom().nullItem())
                .flatMap(uuid -> uuid != null
                        ? Uni.createFrom().item(uuid)
                        : heroku.client()
                                .captureBackup(token, addon)
                                .flatMap(t -> StepSupport.record(
                                                context, BACKUP, t.path("uuid").asText(), "heroku:addons/" + addon)
                                        .replaceWith(t.path("uuid").asText())));
        return HerokuSteps.steps(transfer.flatMap(uuid -> heroku.client().awaitTransfer(token, app, uuid))
                .map(done -> {
                    if (!done.path("succeeded").asBoolean()) {
                        throw new StepException("Heroku backup " + name(done) + " of " + addon + " failed", true);
                    }
                    Map<String, String> outputs = new TreeMap<>();
                    outputs.put("backup", name(done));
                    outputs.put("transferId", done.path("uuid").asText());
                    outputs.put(
                            "processedBytes",
                            Long.toString(done.path("processed_bytes").asLong()));
                    return new StepOutcome(
                            "Captured Heroku backup " + name(done) + " of " + addon + " ("
                                    + done.path("processed_bytes").asLong() + " bytes)",
                            outputs);
                }));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        try {
            String app = StepSupport.required(context, "app");
            StepSupport.required(context, "addon");
            String token = heroku.token(context);
            return HerokuSteps.steps(heroku.client().transfers(token, app))
                    .replaceWith(List.<String>of())
                    .onFailure(StepException.class)
                    .recoverWithItem(
                            e -> List.of("Heroku Data API backups of " + app + " cannot be read: " + e.getMessage()));
        } catch (StepException e) {
            return StepSupport.problems(List.of(e.getMessage()));
        }
    }

    private static boolean failed(JsonNode transfer) {
        return !transfer.path("finished_at").isNull()
                && !transfer.path("finished_at").isMissingNode()
                && !transfer.path("succeeded").asBoolean();
    }

    private static String name(JsonNode transfer) {
        return String.format("b%03d", transfer.path("num").asInt());
    }
}
