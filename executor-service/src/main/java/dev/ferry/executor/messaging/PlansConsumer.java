package dev.ferry.executor.messaging;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.messaging.Records;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.common.projection.Projector;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.service.MigrationStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Projects plans and starts a migration when one is approved. The start event's id derives from the
 * migration's, which derives from the plan version, so neither a redelivered approval nor a second
 * approval of the same version starts a second migration; a version rejected first never starts.
 */
@ApplicationScoped
public class PlansConsumer {
    private static final Logger LOG = Logger.getLogger(PlansConsumer.class);

    private final Projector projector;
    private final MigrationStore store;
    private final EventLog eventLog;
    private final EventTracing tracing;
    private final Clock clock;

    public PlansConsumer(
            Projector projector, MigrationStore store, EventLog eventLog, EventTracing tracing, Clock clock) {
        this.projector = projector;
        this.store = store;
        this.eventLog = eventLog;
        this.tracing = tracing;
        this.clock = clock;
    }

    /** The migration id of a plan version; deterministic so every instance agrees. */
    public static String migrationId(String planId, int version) {
        return EventIds.derive("migration", planId, Integer.toString(version));
    }

    @Incoming("plans-in")
    public Uni<Void> onPlan(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tracing.consume(
                record,
                () -> LogContext.around(
                        () -> Panache.withTransaction(() -> projector.applyOnce(event.get()))
                                .flatMap(v -> react(event.get())),
                        LogContext.PLAN_ID,
                        event.get().subject()));
    }

    private Uni<Void> react(CloudEvent event) {
        if (!(event.data() instanceof PlanApproved approved)) {
            return Uni.createFrom().voidItem();
        }
        return store.plan(approved.planId()).flatMap(plan -> {
            if (plan == null || plan.version != approved.version()) {
                LOG.errorf(
                        "Approved plan %s v%d is unknown to the executor; not starting",
                        approved.planId(), approved.version());
                return Uni.createFrom().voidItem();
            }
            if (!"approved".equals(plan.status)) {
                LOG.warnf(
                        "Plan %s v%d was already %s before %s's approval; not starting",
                        plan.id, plan.version, plan.status, approved.approvedBy());
                return Uni.createFrom().voidItem();
            }
            MigrationStarted started = new MigrationStarted(
                    migrationId(plan.id, plan.version),
                    plan.id,
                    plan.version,
                    plan.environment,
                    MigrationStore.steps(plan).stream().map(PlanStep::id).toList(),
                    clock.instant());
            LOG.infof(
                    "Plan %s v%d approved by %s: starting migration %s",
                    plan.id, plan.version, approved.approvedBy(), started.migrationId());
            // derived from the migration, so a second approval of the same version appends a duplicate
            return eventLog.append(EventIds.derive(started.migrationId(), "migration-started"), started)
                    .replaceWithVoid();
        });
    }
}
