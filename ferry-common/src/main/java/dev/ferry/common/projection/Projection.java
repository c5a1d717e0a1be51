package dev.ferry.common.projection;

import dev.ferry.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A read model built only by consuming events, so it can be dropped and rebuilt from the log. Its
 * methods run inside the caller's Hibernate Reactive transaction.
 */
public interface Projection {

    /** The topics whose events build this projection, replayed in this order. */
    List<String> topics();

    /** Applies one event; called at most once per event id. */
    Uni<Void> apply(CloudEvent event);

    /** Deletes every row of the projection, ahead of a replay. */
    Uni<Void> reset();
}
