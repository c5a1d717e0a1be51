package dev.ferry.executor.data.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Small JDBC helpers the copy and the verification share, and how their sessions are set up. */
final class Sql {
    private Sql() {}

    /** A source connection reading the copy's snapshot and a target connection, used together by one worker. */
    record Pair(Connection source, Connection target) implements AutoCloseable {
        @Override
        public void close() {
            quietly(source);
            quietly(target);
        }
    }

    static Connection open(PgEndpoint endpoint, String side) throws SQLException {
        try {
            Connection c = endpoint.connect(PostgresCopier.APPLICATION);
            exec(c, "set statement_timeout = 0");
            exec(c, "set idle_in_transaction_session_timeout = 0");
            return c;
        } catch (SQLException e) {
            throw new SideFailure(side, e);
        }
    }

    /**
     * A target session for bulk loading: commits do not wait for the WAL flush (a crash mid-copy
     * means copying again anyway).
     */
    static Connection openTarget(PgEndpoint target) throws SQLException {
        Connection c = open(target, "target");
        exec(c, "set synchronous_commit = off");
        exec(c, "set client_min_messages = warning");
        return c;
    }

    static Pair pair(PgEndpoint source, PgEndpoint target, String snapshot) throws SQLException {
        Connection s = open(source, "source");
        try {
            exec(s, "begin isolation level repeatable read read only");
            exec(s, "set transaction snapshot '" + snapshot.replace("'", "") + "'");
            return new Pair(s, openTarget(target));
        } catch (SQLException e) {
            quietly(s);
            throw e;
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static int blockSize(Connection c) throws SQLException {
        return Integer.parseInt(one(c, "select current_setting('block_size')"));
    }

    /** Runs statements one by one, in one transaction when asked. */
    static void script(Connection c, List<String> statements, boolean transaction) throws SQLException {
        if (transaction) {
            exec(c, "begin");
        }
        try {
            for (String sql : statements) {
                try {
                    exec(c, sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + " [in: " + abbreviate(sql) + "]", e.getSQLState(), e);
                }
            }
            if (transaction) {
                exec(c, "commit");
            }
        } catch (SQLException e) {
            if (transaction) {
                try {
                    exec(c, "rollback");
                } catch (SQLException ignored) {
                    // the connection is gone; the server rolls back
                }
            }
            throw e;
        }
    }

    static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }

    static void quietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a broken connection
            }
        }
    }

    /** A failure on one side of the copy, so the message can say which database went away. */
    static final class SideFailure extends SQLException {
        final String side;

        SideFailure(String side, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
            this.side = side;
        }
    }
}
