package dev.ferry.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates databases that do not exist yet, over JDBC: bin/demo's fallback when no {@code psql}
 * client is installed. Arguments: database names. Server and login from {@code PG_HOST} (127.0.0.1),
 * {@code PG_PORT} (55432), {@code PG_USER} and {@code PG_PASSWORD} (ferry / ferry).
 */
public final class CreateDatabases {
    private CreateDatabases() {}

    public static void main(String[] args) {
        String host = env("PG_HOST", "127.0.0.1");
        String port = env("PG_PORT", "55432");
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, env("PG_USER", "ferry"), env("PG_PASSWORD", "ferry"))) {
            for (String name : args) {
                if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
                    throw new IllegalArgumentException("Not a plain database name: " + name);
                }
                try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    q.setString(1, name);
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            System.out.println("postgres: database " + name + " exists");
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("create database " + name);
                }
                System.out.println("postgres: created database " + name);
            }
        } catch (SQLException | IllegalArgumentException e) {
            System.err.println(
                    "postgres: error: cannot create databases on " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
