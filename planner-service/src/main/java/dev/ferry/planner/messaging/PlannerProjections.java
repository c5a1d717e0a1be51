package dev.ferry.planner.messaging;

import dev.ferry.common.projection.Projection;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;

/**
 * planner-service's whole projection, the one the projector and the replay use: plans from
 * ferry.plans and measured copies from ferry.migrations, applied one event per transaction and
 * rebuilt together (plans first, so a replayed copy finds the plan version it ran).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class PlannerProjections implements Projection {
    private final PlanProjection plans;
    private final CopyMeasurementProjection copies;

    public PlannerProjections(PlanProjection plans, CopyMeasurementProjection copies) {
        this.plans = plans;
        this.copies = copies;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PLANS, Topics.MIGRATIONS);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        return plans.apply(event).flatMap(v -> copies.apply(event));
    }

    @Override
    public Uni<Void> reset() {
        return copies.reset().flatMap(v -> plans.reset());
    }
}
