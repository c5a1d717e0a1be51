package dev.ferry.executor.data.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The native logical replication objects of one target database and the catalog queries the sync,
 * the catch-up and the clean-up share. The names derive from the target's handle only, so every
 * attempt of every step of a migration finds the objects an earlier attempt created.
 */
public final class Replication {
    static final String USER_TABLES = "c.relkind = 'r' and c.relpersistence = 'p'"
            + " and n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'"
            + " and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass"
            + " and d.objid = c.oid and d.deptype = 'e')";

    /**
     * The publication on the source, the subscription on the target and its slot on the source, all
     * named {@code ferry_<handle>_<hash>} (lowercase letters, digits, underscores; at most 63 bytes).
     */
    public record Names(String publication, String subscription, String slot) {
        public static Names of(String handle) {
            String clean = handle.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            if (clean.length() > 40) {
                clean = clean.substring(0, 40);
            }
            String name = "ferry_" + clean + "_" + hash(handle);
            return new Names(name, name, name);
        }

        private static String hash(String handle) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(handle.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 4);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A subscription as the target's catalog shows it. */
    record Subscription(long oid, boolean enabled, String slot) {}

    /** The subscription's tables by state: {@code i} init, {@code d} copying, {@code f}/{@code s} syncing, {@code r} ready. */
    record TableStates(Map<String, Integer> counts) {
        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        int ready() {
            return counts.getOrDefault("r", 0);
        }

        boolean allReady() {
            return total() > 0 && ready() == total();
        }
    }

    private Replication() {}

    static Optional<Subscription> subscription(Connection target, String name) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement(
                "select oid, subenabled, subslotname from pg_subscription"
                        + " where subname = ? and subdbid = (select oid from pg_database where datname = current_database())")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Subscription(rs.getLong(1), rs.getBoolean(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    static TableStates states(Connection target, long subscription) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = target.prepareStatement(
                "select srsubstate::text, count(*) from pg_subscription_rel where srsubid = ? group by 1")) {
            ps.setLong(1, subscription);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return new TableStates(counts);
    }

    static boolean publicationExists(Connection source, String name) throws SQLException {
        return exists(source, "select 1 from pg_publication where pubname = ?", name);
    }

    static boolean slotExists(Connection source, String slot) throws SQLException {
        return exists(source, "select 1 from pg_replication_slots where slot_name = ?", slot);
    }

    /**
     * How many bytes of WAL the source wrote that the slot's consumer has not confirmed yet, measured
     * against {@code upTo} (an LSN) or the source's current WAL position when null; null without the slot.
     */
    static Long lag(Connection source, String slot, String upTo) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement("select pg_wal_lsn_diff(coalesce(?::pg_lsn,"
                + " pg_current_wal_lsn()), coalesce(confirmed_flush_lsn, '0/0'::pg_lsn))::bigint"
                + " from pg_replication_slots where slot_name = ?")) {
            ps.setString(1, upTo);
            ps.setString(2, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static String currentLsn(Connection source) throws SQLException {
        return Sql.one(source, "select pg_current_wal_lsn()::text");
    }

    /**
     * The libpq connection string the target's subscription uses to reach the source. It holds the
     * source's password, so it is only ever sent inside CREATE SUBSCRIPTION, never logged.
     */
    static String conninfo(PgEndpoint source) {
        StringBuilder s = new StringBuilder();
        s.append("host=").append(quote(source.host()));
        s.append(" port=").append(source.port());
        s.append(" dbname=").append(quote(source.database()));
        s.append(" user=").append(quote(source.user()));
        if (source.password() != null) {
            s.append(" password=").append(quote(source.password()));
        }
        String sslmode = source.parameters().get("sslmode");
        if (sslmode != null) {
            s.append(" sslmode=").append(quote(sslmode));
        }
        return s.toString();
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Drops the subscription: through the source when it answers (which also drops the slot there),
     * else detached from its slot first. Returns whether the source answered.
     */
    static boolean dropSubscription(Connection target, Subscription sub, String name) throws SQLException {
        try {
            Sql.exec(target, "drop subscription if exists " + name);
            return true;
        } catch (SQLException e) {
            if (sub.enabled()) {
                Sql.exec(target, "alter subscription " + name + " disable");
            }
            Sql.exec(target, "alter subscription " + name + " set (slot_name = none)");
            Sql.exec(target, "drop subscription if exists " + name);
            return false;
        }
    }

    /** Drops the publication and the slots of this subscription (its own and its table-sync slots) on the source. */
    static void dropSourceSide(Connection source, Names names, Long subscriptionOid) throws SQLException {
        Sql.exec(source, "drop publication if exists " + names.publication());
        for (String slot : slots(source, names.slot(), subscriptionOid)) {
            dropSlot(source, slot);
        }
    }

    private static List<String> slots(Connection source, String slot, Long subscriptionOid) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement(
                "select slot_name from pg_replication_slots where slot_name = ? or slot_name like ?")) {
            ps.setString(1, slot);
            ps.setString(2, subscriptionOid == null ? "" : "pg\\_" + subscriptionOid + "\\_sync\\_%");
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** Drops a slot once no walsender holds it any more (the subscriber's disconnect takes a moment). */
    static void dropSlot(Connection source, String slot) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement ps = source.prepareStatement(
                    "select pg_drop_replication_slot(slot_name)" + " from pg_replication_slots where slot_name = ?")) {
                ps.setString(1, slot);
                ps.execute();
                return;
            } catch (SQLException e) {
                // 55006: the slot is active for a walsender that has not noticed its subscriber left
                if (!"55006".equals(e.getSQLState()) || attempt >= 50) {
                    throw e;
                }
                sleep(200);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataCopyException("Interrupted while waiting for replication", true, e);
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Names of the user tables with a clause appended, e.g. those lacking a replica identity. */
    static Set<String> tables(Connection c, String where) throws SQLException {
        return Catalog.names(
                c,
                "select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where " + USER_TABLES + where);
    }
}
