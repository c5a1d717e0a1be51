package dev.ferry.executor.data.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a copy needs to know about a database: its user tables with their columns and sizes, and its sequences. */
public final class Catalog {
    /** Type OIDs below this are built in; only those have a binary COPY form that is the same on every server. */
    private static final long FIRST_NORMAL_OID = 16384;

    private static final String USER_RELATIONS = "n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'"
            + " and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass"
            + " and d.objid = c.oid and d.deptype = 'e')";

    /**
     * One table holding data.
     *
     * @param name the schema-qualified, quoted name, e.g. {@code public."Order"}
     * @param columns the quoted names of the columns COPY writes (generated columns left out)
     * @param binary whether every column has a built-in type, so binary COPY is portable
     * @param heapBytes the size of the main fork, which ctid ranges split
     * @param totalBytes heap plus TOAST: the estimate progress is measured against
     */
    public record Table(
            String name, List<String> columns, boolean binary, long heapBytes, long totalBytes, long estimatedRows) {}

    public record Sequence(String name) {}

    private Catalog() {}

    public static int serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Ordinary and partition tables (the partitioned parents hold no rows), largest first. */
    public static List<Table> tables(Connection c) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, long[]> sizes = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
                        + " pg_relation_size(c.oid), pg_table_size(c.oid), greatest(c.reltuples, 0)::bigint"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind = 'r' and c.relpersistence <> 't' and " + USER_RELATIONS
                        + " order by pg_relation_size(c.oid) desc, 2")) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
                sizes.put(rs.getLong(1), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        Map<Long, List<String>> columns = new LinkedHashMap<>();
        Map<Long, Boolean> binary = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select a.attrelid, quote_ident(a.attname), a.atttypid,"
                + " a.attgenerated <> '' from pg_attribute a where a.attrelid = any(?) and a.attnum > 0"
                + " and not a.attisdropped order by a.attrelid, a.attnum")) {
            ps.setArray(1, c.createArrayOf("oid", names.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    if (!rs.getBoolean(4)) {
                        columns.computeIfAbsent(oid, k -> new ArrayList<>()).add(rs.getString(2));
                    }
                    binary.merge(oid, rs.getLong(3) < FIRST_NORMAL_OID, Boolean::logicalAnd);
                }
            }
        }
        List<Table> out = new ArrayList<>();
        names.forEach((oid, name) -> {
            long[] size = sizes.get(oid);
            out.add(new Table(
                    name,
                    List.copyOf(columns.getOrDefault(oid, List.of())),
                    binary.getOrDefault(oid, true),
                    size[0],
                    size[1],
                    size[2]));
        });
        return out;
    }

    /** Names of partitioned tables, whose constraints cannot be attached from an index. */
    public static Set<String> partitionedTables(Connection c) throws SQLException {
        return names(
                c,
                "select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'p' and " + USER_RELATIONS);
    }

    public static List<Sequence> sequences(Connection c) throws SQLException {
        List<Sequence> out = new ArrayList<>();
        for (String name : names(
                c,
                "select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'S' and "
                        + USER_RELATIONS)) {
            out.add(new Sequence(name));
        }
        return out;
    }

    /** Installed extensions (plpgsql aside), by name. */
    public static Set<String> extensions(Connection c) throws SQLException {
        return names(c, "select extname from pg_extension where extname <> 'plpgsql'");
    }

    /** Extensions the server could install. */
    public static Set<String> availableExtensions(Connection c) throws SQLException {
        return names(c, "select name from pg_available_extensions");
    }

    static Set<String> names(Connection c, String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
