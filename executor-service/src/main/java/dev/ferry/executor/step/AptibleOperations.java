package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.client.AptibleClient;
import dev.ferry.executor.client.AptibleOperation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one Aptible operation for a step without ever starting it twice: an operation an earlier attempt
 * recorded that is still queued or running is polled again; one still queued or running on the resource
 * (started just before a crash, not yet recorded) is adopted; only otherwise is a new one started, and it
 * is recorded through the step's journal before anything waits on it.
 */
@ApplicationScoped
public class AptibleOperations {
    private final AptibleClient aptible;

    public AptibleOperations(AptibleClient aptible) {
        this.aptible = aptible;
    }

    /**
     * Brings the operation {@code body.type} on {@code resourcePath} to an end and returns it; fails with a
     * retryable {@link StepException} when it failed (a new attempt starts a new operation).
     */
    public Uni<AptibleOperation> run(StepContext context, String resourcePath, Map<String, Object> body, String label) {
        return run(context, (String) body.get("type"), resourcePath, body, label);
    }

    /**
     * As {@link #run(StepContext, String, Map, String)}, recording the operation under {@code key} (e.g.
     * {@code compensate-configure}, so undoing a step does not mistake the step's own operation for its undo).
     */
    public Uni<AptibleOperation> run(
            StepContext context, String key, String resourcePath, Map<String, Object> body, String label) {
        String type = (String) body.get("type");
        return previous(context, key)
                .flatMap(previous -> previous.isPresent()
                        ? Uni.createFrom().item(previous)
                        : aptible.inFlightOperation(resourcePath, type)
                                .flatMap(inFlight -> inFlight.isPresent()
                                        ? recorded(context, key, inFlight.get(), resourcePath)
                                        : aptible.startOperation(resourcePath, body)
                                                .flatMap(op -> recorded(context, key, op, resourcePath))))
                .flatMap(op -> aptible.awaitOperation(AptibleClient.id(op.orElseThrow())))
                .flatMap(done -> {
                    if (done.succeeded() || (done.gone() && "deprovision".equals(type))) {
                        return Uni.createFrom().item(done);
                    }
                    String how = done.gone()
                            ? "vanished (its resource was deprovisioned)"
                            : done.cancelled() ? "was cancelled" : "failed";
                    return StepSupport.<AptibleOperation>fail(new StepException(
                            "Aptible " + type + " operation " + done.id() + " on " + label + " " + how
                                    + "; its log: aptible operation:logs " + done.id(),
                            true));
                });
    }

    /**
     * The operation an earlier attempt recorded, if it is still queued or running. One that ended is no
     * use: callers run an operation only when the resource is not yet as planned, so whatever that one
     * did was not enough (or was undone), and a new one is due.
     */
    private Uni<Optional<JsonNode>> previous(StepContext context, String key) {
        Optional<String> recorded = context.recordedOperation(key);
        if (recorded.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return aptible.find("/operations/" + recorded.get())
                .map(found -> found.filter(op -> {
                    String status = op.path("status").asText();
                    return status.equals("queued") || status.equals("running");
                }));
    }

    private Uni<Optional<JsonNode>> recorded(StepContext context, String type, JsonNode op, String resourcePath) {
        return StepSupport.record(context, type, Long.toString(AptibleClient.id(op)), resourcePath)
                .replaceWith(Optional.of(op));
    }
}
