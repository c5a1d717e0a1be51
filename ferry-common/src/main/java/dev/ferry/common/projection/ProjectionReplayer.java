package dev.ferry.common.projection;

import dev.ferry.common.messaging.KafkaClients;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.TopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds the projection from the beginning of its topics in one transaction, so readers see
 * either the old state or the rebuilt one, never half of it.
 */
@ApplicationScoped
public class ProjectionReplayer {
    private final Projection projection;
    private final Projector projector;
    private final KafkaClients clients;
    private final Vertx vertx;

    public ProjectionReplayer(Projection projection, Projector projector, Vertx vertx, KafkaClients clients) {
        this.vertx = vertx;
        this.projection = projection;
        this.projector = projector;
        this.clients = clients;
    }

    /** What a rebuild did. */
    public record ReplayResult(List<String> topics, int eventsRead, int eventsApplied, long durationMs) {}

    /** Reads the topics up to their current end, then resets and reapplies everything. */
    public Uni<ReplayResult> rebuild() {
        long start = System.nanoTime();
        return vertx.executeBlocking(Uni.createFrom().item(this::readAll))
                .flatMap(events -> Panache.withTransaction(() -> projector
                                .reset()
                                .flatMap(v -> Multi.createFrom()
                                        .iterable(events)
                                        .onItem()
                                        .transformToUniAndConcatenate(projector::applyOnce)
                                        .filter(Boolean::booleanValue)
                                        .collect()
                                        .asList()))
                        .map(applied -> new ReplayResult(
                                projection.topics(),
                                events.size(),
                                applied.size(),
                                Duration.ofNanos(System.nanoTime() - start).toMillis())));
    }

    private List<CloudEvent> readAll() {
        return TopicReader.readToEnd(clients.consumer(), projection.topics()).stream()
                .map(EventCodec::fromRecord)
                .flatMap(Optional::stream)
                .toList();
    }
}
