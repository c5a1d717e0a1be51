package dev.ferry.executor.data.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One PostgreSQL database addressed by a Heroku-style ({@code postgres://user:pass@host:port/db})
 * or JDBC URL; knows how to connect with pgjdbc and how to hand the same credentials to libpq tools
 * through the environment, so a password never appears on a command line or in a message.
 */
public record PgEndpoint(
        String host, int port, String database, String user, String password, Map<String, String> parameters) {

    public static PgEndpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No PostgreSQL URL given");
        }
        String raw = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PostgreSQL URL (it cannot be parsed)");
        }
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Not a PostgreSQL URL: scheme " + uri.getScheme());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("A PostgreSQL URL without a host");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        String user = params.remove("user");
        String password = params.remove("password");
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? (user == null ? "postgres" : user) : path;
        return new PgEndpoint(
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                database,
                user == null ? "postgres" : user,
                password,
                Map.copyOf(params));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://" + host + ":" + port + "/" + database);
        String sep = "?";
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        return url.toString();
    }

    /** Opens a connection named {@code applicationName} (visible in pg_stat_activity). */
    public Connection connect(String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "15");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** The libpq environment for pg_dump and friends. */
    public Map<String, String> libpqEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", Integer.toString(port));
        env.put("PGDATABASE", database);
        env.put("PGUSER", user);
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        String sslmode = parameters.get("sslmode");
        if (sslmode != null) {
            env.put("PGSSLMODE", sslmode);
        }
        return env;
    }

    /** Where the database is, without credentials: safe for messages. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "PgEndpoint[" + describe() + "]";
    }
}
