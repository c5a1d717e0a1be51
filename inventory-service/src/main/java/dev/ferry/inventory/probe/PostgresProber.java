package dev.ferry.inventory.probe;

import dev.ferry.events.inventory.PostgresProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads what a migration needs to know about a PostgreSQL database over a read-only session: the
 * session is opened with {@code default_transaction_read_only} and only runs catalogue queries.
 */
public class PostgresProber {
    /** User schemas: not the catalogue, not TOAST, not temporary. */
    private static final String USER_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'";

    /** Not created by an extension (CREATE EXTENSION recreates those). */
    private static final String NOT_EXTENSION_MEMBER = "not exists (select 1 from pg_depend d"
            + " where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')";

    private static final String TABLES = "select n.nspname, c.relname,"
            + " exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')"
            + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind in ('r', 'p') and not c.relispartition and " + USER_SCHEMA
            + " and " + NOT_EXTENSION_MEMBER
            + " order by 1, 2";

    private static final String SEQUENCES = "select count(*) from pg_class c join pg_namespace n"
            + " on n.oid = c.relnamespace where c.relkind = 'S' and " + USER_SCHEMA + " and " + NOT_EXTENSION_MEMBER;

    private static final String EXTENSIONS = "select e.extname, n.nspname, e.extversion from pg_extension e"
            + " join pg_namespace n on n.oid = e.extnamespace order by 1";

    /** Probes the database at {@code url}; never throws, an unreachable database is a result. */
    public PostgresProbe probe(SourceUrl url, Duration timeout) {
        try (Connection c = connect(url, timeout)) {
            return read(c);
        } catch (SQLException | RuntimeException e) {
            return unreachable(ProbeFailure.describe(e, url));
        }
    }

    /** A probe that could not run, and why. */
    public static PostgresProbe unreachable(String error) {
        return new PostgresProbe(false, error, null, null, List.of(), null, List.of(), null, null, null, null, null);
    }

    /** Opens a session that cannot write: the server refuses any write in it. */
    Connection connect(SourceUrl url, Duration timeout) throws SQLException {
        if (!url.scheme().equals("postgres") && !url.scheme().equals("postgresql")) {
            throw new IllegalArgumentException("not a PostgreSQL URL (scheme " + url.scheme() + ")");
        }
        int seconds = (int) Math.max(1, timeout.toSeconds());
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.setProperty("sslmode", url.query().getOrDefault("sslmode", "prefer"));
        props.setProperty("connectTimeout", Integer.toString(seconds));
        props.setProperty("loginTimeout", Integer.toString(seconds));
        props.setProperty("socketTimeout", Integer.toString(seconds));
        props.setProperty("ApplicationName", "ferry-probe");
        props.setProperty("readOnly", "true");
        props.setProperty("options", "-c default_transaction_read_only=on -c statement_timeout=" + timeout.toMillis());
        String jdbc = "jdbc:postgresql://" + url.host() + ":" + url.port(5432) + "/" + url.path();
        Connection c = DriverManager.getConnection(jdbc, props);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        c.setReadOnly(true);
        return c;
    }

    private PostgresProbe read(Connection c) throws SQLException {
        long size = single(c, "select pg_database_size(current_database())");
        String version = text(c, "show server_version");
        String walLevel = text(c, "show wal_level");
        boolean canReplicate = bool(c, "select rolsuper or rolreplication from pg_roles where rolname = current_user");
        List<PostgresProbe.Extension> extensions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(EXTENSIONS);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                extensions.add(new PostgresProbe.Extension(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        int tables = 0;
        List<String> withoutPk = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(TABLES);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables++;
                if (!rs.getBoolean(3)) {
                    withoutPk.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        long largeObjects = single(c, "select count(*) from pg_largeobject_metadata");
        int sequences = (int) single(c, SEQUENCES);
        return new PostgresProbe(
                true,
                null,
                size,
                version,
                List.copyOf(extensions),
                tables,
                List.copyOf(withoutPk),
                largeObjects,
                sequences,
                walLevel,
                canReplicate,
                "logical".equals(walLevel) && canReplicate);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean bool(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
