package dev.ferry.executor.data.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link PostDataPlan} on the target: indexes on several connections at once with a large
 * maintenance_work_mem, then constraints and foreign keys (one table per connection at a time),
 * then the rest in dump order.
 */
final class PostDataRunner {
    private static final int DEADLOCK_RETRIES = 5;

    private final PgEndpoint target;
    private final CopyOptions options;

    PostDataRunner(PgEndpoint target, CopyOptions options) {
        this.target = target;
        this.options = options;
    }

    void run(PostDataPlan plan, Progress progress) throws Exception {
        List<Workers.Work<Connection>> indexes = new ArrayList<>();
        for (String sql : plan.indexes()) {
            indexes.add(c -> execute(c, sql));
        }
        Workers.run(options.jobs(), () -> open(plan), indexes);
        progress.phase("constraints", "Adding constraints");
        Workers.run(options.jobs(), () -> open(plan), groups(plan.constraints()));
        Workers.run(options.jobs(), () -> open(plan), groups(plan.foreignKeys()));
        try (Connection c = open(plan)) {
            for (String sql : plan.rest()) {
                execute(c, sql);
            }
        }
    }

    private Connection open(PostDataPlan plan) throws SQLException {
        Connection c = Sql.openTarget(target);
        try {
            Sql.exec(c, "set maintenance_work_mem = '" + options.maintenanceWorkMem() + "'");
            for (String sql : plan.session()) {
                Sql.exec(c, sql);
            }
            return c;
        } catch (SQLException e) {
            Sql.quietly(c);
            throw new Sql.SideFailure("target", e);
        }
    }

    private static List<Workers.Work<Connection>> groups(Map<String, List<String>> byTable) {
        List<Workers.Work<Connection>> out = new ArrayList<>();
        byTable.values()
                .forEach(statements -> out.add(c -> {
                    for (String sql : statements) {
                        execute(c, sql);
                    }
                }));
        return out;
    }

    /** Foreign keys on different tables lock their referenced tables too; a deadlock between two is retried. */
    private static void execute(Connection c, String sql) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                Sql.exec(c, sql);
                return;
            } catch (SQLException e) {
                if ("40P01".equals(e.getSQLState()) && attempt < DEADLOCK_RETRIES) {
                    continue;
                }
                throw new Sql.SideFailure(
                        "target",
                        new SQLException(e.getMessage() + " [in: " + Sql.abbreviate(sql) + "]", e.getSQLState(), e));
            }
        }
    }
}
