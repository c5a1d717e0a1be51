package dev.ferry.executor.messaging;

import dev.ferry.executor.service.MigrationRunner;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Starts advancing a migration on a fresh Vert.x context, so the consumer is never held up by a step. */
@ApplicationScoped
public class MigrationTrigger {
    private static final Logger LOG = Logger.getLogger(MigrationTrigger.class);

    private final MigrationRunner runner;
    private final Vertx vertx;

    public MigrationTrigger(MigrationRunner runner, Vertx vertx) {
        this.runner = runner;
        this.vertx = vertx;
    }

    public void advance(String migrationId) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> runner.advance(migrationId)
                .subscribe()
                .with(ok -> {}, failure -> LOG.errorf(failure, "Could not advance migration %s", migrationId)));
    }
}
