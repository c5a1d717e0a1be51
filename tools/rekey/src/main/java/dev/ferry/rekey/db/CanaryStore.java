package dev.ferry.rekey.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One service's database as the retirement of a key sees it: where values sealed with the key are
 * still stored, and the start-up canary ({@code secret_key_canary}) that makes the service demand the key.
 */
public final class CanaryStore {
    static final String CANARY_TABLE = "secret_key_canary";

    private final String url;
    private final Properties credentials;

    /**
     * @param url a JDBC URL; user and password come from {@code PG_USER} / {@code PG_PASSWORD} (as the
     *     services take them) unless the URL names them
     */
    public CanaryStore(String url, String user, String password) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null && !url.contains("user=")) {
            credentials.setProperty("user", user);
        }
        if (password != null && !url.contains("password=")) {
            credentials.setProperty("password", password);
        }
    }

    /** The URL without its query, safe to print. */
    public String name() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** A column holding values sealed with the key, and how many rows. */
    public record Hit(String table, String column, long rows) {}

    /** Every text or JSON column, outside the canary table, that still holds a value sealed with the key id. */
    public List<Hit> sealedWith(String keyId) throws SQLException {
        List<Hit> hits = new ArrayList<>();
        String pattern = "\"keyId\"\\s*:\\s*\"" + regexQuote(keyId) + "\"";
        try (Connection c = connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select table_schema, table_name, column_name "
                            + "from information_schema.columns c "
                            + "where table_schema not in ('pg_catalog', 'information_schema') "
                            + "and data_type in ('text', 'character varying', 'json', 'jsonb') "
                            + "and exists (select 1 from information_schema.tables t where t.table_schema = c.table_schema "
                            + "and t.table_name = c.table_name and t.table_type = 'BASE TABLE') "
                            + "order by 1, 2, 3");
                    ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
            for (String[] col : columns) {
                if (col[1].equals(CANARY_TABLE)) {
                    continue;
                }
                String sql = "select count(*) from " + ident(col[0]) + "." + ident(col[1]) + " where " + ident(col[2])
                        + "::text ~ ?";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, pattern);
                    try (ResultSet rows = s.executeQuery()) {
                        rows.next();
                        long n = rows.getLong(1);
                        if (n > 0) {
                            hits.add(new Hit(col[0] + "." + col[1], col[2], n));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** The key ids this database has canaries for; empty when it has no canary table. */
    public List<String> canaries() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect()) {
            if (!hasCanaryTable(c)) {
                return ids;
            }
            try (PreparedStatement s = c.prepareStatement("select key_id from " + CANARY_TABLE + " order by key_id");
                    ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** Removes the canary of a key id; returns whether there was one. */
    public boolean removeCanary(String keyId) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("delete from " + CANARY_TABLE + " where key_id = ?")) {
            s.setString(1, keyId);
            return s.executeUpdate() > 0;
        }
    }

    private static boolean hasCanaryTable(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
            s.setString(1, CANARY_TABLE);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    private static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Escapes every character that is not a letter or digit, which PostgreSQL's regular expressions take literally. */
    static String regexQuote(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (!Character.isLetterOrDigit(ch)) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
