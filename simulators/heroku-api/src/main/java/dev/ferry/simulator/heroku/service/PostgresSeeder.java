package dev.ferry.simulator.heroku.service;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Ensures a real database for a backed Postgres add-on: a login role, a database it owns, and, on
 * the first run, a small shop schema with rows: tables with primary keys, one without, a sequence,
 * a large object and (where available) an extension in the {@code heroku_ext} schema as Heroku
 * installs them. Every step is safe to run again.
 */
final class PostgresSeeder {

    private PostgresSeeder() {}

    static void ensure(String adminUrl, String database, String role, String password) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            try (PreparedStatement q = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                q.setString(1, role);
                try (ResultSet rs = q.executeQuery();
                        Statement s = admin.createStatement()) {
                    String verb = rs.next() ? "alter" : "create";
                    s.execute(verb + " role " + role + " login password '" + password + "'");
                }
            }
            try (PreparedStatement q = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
                q.setString(1, database);
                try (ResultSet rs = q.executeQuery();
                        Statement s = admin.createStatement()) {
                    if (!rs.next()) {
                        s.execute("create database " + database + " owner " + role);
                    }
                }
            }
        }
        URI admin = URI.create(adminUrl.substring("jdbc:".length()));
        Properties login = new Properties();
        login.setProperty("user", role);
        login.setProperty("password", password);
        String url = "jdbc:postgresql://" + admin.getHost() + ":" + admin.getPort() + "/" + database;
        try (Connection db = DriverManager.getConnection(url, login);
                Statement s = db.createStatement()) {
            s.execute("create table if not exists customers (id bigserial primary key, email text not null unique,"
                    + " created_at timestamptz not null default now())");
            s.execute("create table if not exists orders (id bigserial primary key,"
                    + " customer_id bigint not null references customers (id), total_cents integer not null)");
            s.execute("create table if not exists audit_events (happened_at timestamptz not null default now(),"
                    + " detail text not null)");
            s.execute("create sequence if not exists invoice_numbers start 1000");
            s.execute("create schema if not exists heroku_ext");
            try (ResultSet rs = s.executeQuery("select count(*) from customers")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    s.execute("insert into customers (email) select 'customer' || g || '@example.com'"
                            + " from generate_series(1, 25) g");
                    s.execute("insert into orders (customer_id, total_cents) select 1 + g % 25, 100 * g"
                            + " from generate_series(1, 60) g");
                    s.execute("insert into audit_events (detail) select 'event ' || g from generate_series(1, 10) g");
                    s.execute("select lo_from_bytea(0, 'invoice 1000'::bytea)");
                }
            }
            try {
                s.execute("create extension if not exists pgcrypto schema heroku_ext");
            } catch (SQLException unavailable) {
                // The local build may lack contrib extensions; the schema is still there.
            }
        }
    }
}
