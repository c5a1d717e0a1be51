package dev.ferry.executor.data.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The comment on a target database naming the migration step copying into it, written before
 * anything else, so a re-run drops only a copy it provably wrote itself. A database comment leaves
 * nothing in the user's schema and needs only ownership of the database, which its user has.
 */
final class CopyMark {
    /** How many table names a refusal lists. */
    private static final int NAMED = 10;

    private CopyMark() {}

    /**
     * Why a copy by {@code owner} may not write into this target, or empty when it may: the target
     * holds no table, or its tables are this same step's earlier copy (in progress, or completed
     * before the step's success was recorded).
     */
    static Optional<String> problem(Connection target, PgEndpoint where, CopyOwner owner, Set<String> tables)
            throws SQLException {
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        String mark = read(target);
        if (owner.wrote(mark)) {
            return Optional.empty();
        }
        return Optional.of("The target " + where.describe() + " already holds data that this migration did not write"
                + " (tables " + names(tables) + "; " + CopyOwner.describeMark(mark) + "); Ferry copies only into an"
                + " empty database or over its own partial copy. Nothing was changed");
    }

    /** Refuses (not retryable) a target holding someone else's data, else marks it as this step's copy in progress. */
    static void claim(Connection target, PgEndpoint where, CopyOwner owner, Set<String> tables) throws SQLException {
        Optional<String> problem = problem(target, where, owner, tables);
        if (problem.isPresent()) {
            throw new DataCopyException(problem.get(), false);
        }
        write(target, where, owner.inProgress());
    }

    /** Marks the target as this step's finished copy. */
    static void complete(Connection target, PgEndpoint where, CopyOwner owner) throws SQLException {
        write(target, where, owner.completed());
    }

    /** The target database's comment, or null. */
    static String read(Connection target) throws SQLException {
        return Sql.one(
                target,
                "select pg_catalog.shobj_description(d.oid, 'pg_database') from pg_catalog.pg_database d"
                        + " where d.datname = current_database()");
    }

    /**
     * Holds, for this session, the lock every Ferry copy into this database takes first: a second copy
     * (an earlier attempt still running after its timeout, or another executor) is refused, retryably,
     * before it changes anything. The lock goes with the connection.
     */
    static void lock(Connection target, PgEndpoint where) throws SQLException {
        if (!"t".equals(Sql.one(target, "select pg_try_advisory_lock(hashtext('ferry-copy'))"))) {
            throw new DataCopyException(
                    "Another Ferry copy into " + where.describe() + " is still running (an earlier attempt that"
                            + " outlived its timeout, or another executor); this attempt changed nothing and can be"
                            + " tried again once it ends",
                    true);
        }
    }

    private static void write(Connection target, PgEndpoint where, String mark) throws SQLException {
        String sql;
        try (PreparedStatement s =
                target.prepareStatement("select format('comment on database %I is %L', current_database(), ?)")) {
            s.setString(1, mark);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
            }
        }
        try {
            Sql.exec(target, sql);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new DataCopyException(
                        "Ferry marks the target " + where.describe() + " with a comment (COMMENT ON DATABASE) before"
                                + " writing anything, so that a re-run only ever drops its own copy; the user "
                                + where.user() + " may not comment on it (it must own the database): "
                                + e.getMessage(),
                        false,
                        e);
            }
            throw e;
        }
    }

    private static String names(Set<String> tables) {
        String listed = tables.stream().limit(NAMED).collect(Collectors.joining(", "));
        return tables.size() > NAMED ? listed + " and " + (tables.size() - NAMED) + " more" : listed;
    }
}
