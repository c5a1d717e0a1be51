package dev.ferry.executor.data.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Two separate embedded PostgreSQL servers for logical replication tests: a source with {@code
 * wal_level=logical} and a target (a subscription into a database of the same server would wait on
 * itself while creating its slot). Started once per JVM, stopped at exit.
 */
public final class LogicalClusters {
    private static EmbeddedPostgres source;
    private static EmbeddedPostgres target;

    private LogicalClusters() {}

    public static synchronized EmbeddedPostgres source() {
        if (source == null) {
            source = start(
                    "source",
                    EmbeddedPostgres.builder()
                            .setServerConfig("wal_level", "logical")
                            .setServerConfig("max_wal_senders", "20")
                            .setServerConfig("max_replication_slots", "20"));
        }
        return source;
    }

    public static synchronized EmbeddedPostgres target() {
        if (target == null) {
            target = start(
                    "target",
                    EmbeddedPostgres.builder()
                            .setServerConfig("max_logical_replication_workers", "8")
                            .setServerConfig("max_worker_processes", "16"));
        }
        return target;
    }

    private static EmbeddedPostgres start(String name, EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres pg = builder.setOverrideWorkingDirectory(new File("target/embedded-pg-logical"))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the " + name + " PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** A fresh database on the source server; its URL in Heroku's form with a password. */
    public static String sourceDatabase(String name) {
        fresh(source(), name);
        return url(source(), name);
    }

    public static String targetDatabase(String name) {
        fresh(target(), name);
        return url(target(), name);
    }

    private static String url(EmbeddedPostgres pg, String name) {
        return "postgres://postgres:" + TestPostgres.PASSWORD + "@127.0.0.1:" + pg.getPort() + "/" + name;
    }

    /** Drops a database with whatever replication an earlier run left in it, and creates it empty. */
    private static void fresh(EmbeddedPostgres pg, String name) {
        try {
            boolean exists;
            try (Connection c = connect(pg, "postgres");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (exists) {
                try (Connection c = connect(pg, name);
                        Statement s = c.createStatement()) {
                    for (String sub : list(
                            c,
                            "select subname from pg_subscription s"
                                    + " join pg_database d on d.oid = s.subdbid where d.datname = current_database()")) {
                        s.execute("alter subscription " + sub + " disable");
                        s.execute("alter subscription " + sub + " set (slot_name = none)");
                        s.execute("drop subscription " + sub);
                    }
                }
            }
            try (Connection c = connect(pg, "postgres");
                    Statement s = c.createStatement()) {
                s.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = '"
                        + name + "' and not active");
                s.execute("drop database if exists " + name + " with (force)");
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(EmbeddedPostgres pg, String database, String... statements) {
        try (Connection c = connect(pg, database);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row. */
    public static List<String> column(EmbeddedPostgres pg, String database, String sql) {
        try (Connection c = connect(pg, database)) {
            return list(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String single(EmbeddedPostgres pg, String database, String sql) {
        return column(pg, database, sql).get(0);
    }

    private static List<String> list(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    public static Connection connect(EmbeddedPostgres pg, String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database, "postgres", "postgres");
    }
}
