package dev.ferry.executor.support;

import dev.ferry.executor.client.AptibleClient;
import dev.ferry.executor.client.AptibleOperation;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepHandler;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * A step type for the resume test ({@code test-restart-app}) that follows the operation contract the
 * Aptible handlers follow: poll the operation an earlier attempt recorded; otherwise start one, record
 * it through the journal, then wait on it.
 */
@ApplicationScoped
public class OperationStep implements StepHandler {
    private final AptibleClient aptible;

    public OperationStep(AptibleClient aptible) {
        this.aptible = aptible;
    }

    @Override
    public String type() {
        return "test-restart-app";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String app = context.parameter("app");
        return context.recordedOperation("restart")
                .map(id -> aptible.awaitOperation(Long.parseLong(id)))
                .orElseGet(() -> aptible.findApp(app, context.environment())
                        .map(found -> found.orElseThrow(() -> new StepException("No app " + app, false)))
                        .flatMap(found ->
                                aptible.startOperation("/apps/" + AptibleClient.id(found), Map.of("type", "restart")))
                        .flatMap(op -> context.journal()
                                .record(
                                        context.step().id(),
                                        "restart",
                                        Long.toString(AptibleClient.id(op)),
                                        "app " + app)
                                .replaceWith(op))
                        .flatMap(op -> aptible.awaitOperation(AptibleClient.id(op))))
                .map(op -> outcome(op, app));
    }

    private static StepOutcome outcome(AptibleOperation op, String app) {
        if (!op.succeeded()) {
            throw new StepException("Restart of " + app + " ended " + op.status(), true);
        }
        return new StepOutcome(
                "Restarted " + app + " (operation " + op.id() + ")", Map.of("operationId", Long.toString(op.id())));
    }
}
