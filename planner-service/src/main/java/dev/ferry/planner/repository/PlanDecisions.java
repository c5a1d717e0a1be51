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

    /**
     * What the projection shows about one version: the plan's latest version, and the decision that
     * stood for the asked version (status, event and person; null while undecided).
     */
    public record Standing(int latestVersion, String decision, String eventId, String decidedBy) {}

    /** The standing of a plan's version, or null when the projection does not know the plan. */
    public Uni<Standing> of(String planId, int version) {
        return pool.preparedQuery("select p.version, v.decision, v.decided_event_id, v.decided_by from plan p"
                        + " left join plan_version v on v.id = $2 where p.id = $1")
                .execute(Tuple.of(planId, PlanVersionEntity.key(planId, version)))
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
