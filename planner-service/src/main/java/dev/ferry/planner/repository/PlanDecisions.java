package dev.ferry.planner.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads which decision stands for a plan straight from the projection's table, outside any
 * session's cache, so a person's request can wait for the projection to settle it.
 */
@ApplicationScoped
public class PlanDecisions {
    private final Pool pool;

    public PlanDecisions(Pool pool) {
        this.pool = pool;
    }

    /** The latest version's status and the event whose decision stands (null while undecided). */
    public record Standing(int version, String status, String eventId, String decidedBy) {}

    /** The plan's standing, or null when the projection does not know the plan. */
    public Uni<Standing> of(String planId) {
        return pool.preparedQuery("select version, status, decided_event_id, decided_by from plan where id = $1")
                .execute(Tuple.of(planId))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    return new Standing(r.getInteger(0), r.getString(1), r.getString(2), r.getString(3));
                });
    }
}
