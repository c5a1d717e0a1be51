package dev.ferry.executor.data.postgres;

import dev.ferry.testkit.LocalPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One real PostgreSQL server (ferry-testkit's embedded one) for every data test in this JVM, with
 * helpers to make fresh databases and a source holding the awkward things a copy must get right.
 */
public final class TestPostgres {
    /** A password the server ignores (trust auth), so tests can check it never leaks. */
    public static final String PASSWORD = "s3cr3t-Ferry-PW";

    private static LocalPostgres server;

    private TestPostgres() {}

    public static synchronized LocalPostgres server() {
        if (server == null) {
            server = LocalPostgres.start(Path.of("target", "embedded-pg"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** Drops and creates a database; returns its URL in Heroku's form, with a password. */
    public static String freshDatabase(String name) {
        server();
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    public static String url(String database) {
        return "postgres://postgres:" + PASSWORD + "@127.0.0.1:" + server().port() + "/" + database;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server().jdbcUrl(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    public static void execute(String database, String... statements) {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<List<String>> query(String database, String sql) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    public static String single(String database, String sql) {
        return query(database, sql).get(0).get(0);
    }

    /**
     * A source with an extension type (citext), an enum, arrays, jsonb, bytea, an identity, a
     * generated column, a check, foreign keys, a partial and a GIN index, a table without a primary
     * key, a view, a trigger, a sequence that has been used, and a table of {@code readings} rows
     * large enough to be split into ranges.
     */
    public static String source(String name, int readings) {
        String url = freshDatabase(name);
        execute(
                name,
                "create extension citext",
                "create type mood as enum ('happy', 'sad', 'meh')",
                "create sequence invoice_numbers start 1000",
                "create table customers (id bigint generated always as identity primary key,"
                        + " email citext not null unique, name text not null, mood mood, tags text[],"
                        + " created_at timestamptz not null default now())",
                "create table orders (id bigserial primary key, customer_id bigint not null references customers (id),"
                        + " total numeric(10, 2) not null check (total >= 0), details jsonb not null, receipt bytea,"
                        + " invoice int default nextval('invoice_numbers'),"
                        + " total_cents bigint generated always as ((total * 100)::bigint) stored)",
                "create index orders_customer on orders (customer_id) where total > 0",
                "create index orders_details on orders using gin (details)",
                "create table audit (at timestamptz, message text)",
                "create table readings (id bigint primary key, sensor int not null, value double precision, note text)",
                "create view big_orders as select id, total from orders where total > 100",
                "create function touch() returns trigger language plpgsql as $$ begin new.created_at := now();"
                        + " return new; end $$",
                "create trigger customers_touch before update on customers for each row execute function touch()",
                "insert into customers (email, name, mood, tags, created_at) select 'User' || g || '@Example.com',"
                        + " 'name ' || g || ' ; '' \" \\', (array['happy', 'sad', 'meh'])[1 + g % 3]::mood,"
                        + " array['t' || g, null], timestamptz '2024-01-01' + g * interval '1 hour'"
                        + " from generate_series(1, 2000) g",
                "insert into orders (customer_id, total, details, receipt) select 1 + g % 2000, (g % 500) * 1.25,"
                        + " jsonb_build_object('n', g, 'items', jsonb_build_array(g, 'x' || g), 'ok', g % 2 = 0),"
                        + " case when g % 7 = 0 then null else decode(md5(g::text) || md5((g * 3)::text), 'hex') end"
                        + " from generate_series(1, 5000) g",
                "insert into audit select timestamptz '2024-01-01' + (g % 50) * interval '1 day', 'event ' || (g % 50)"
                        + " from generate_series(1, 1000) g",
                "insert into readings select g, g % 97, g / 7.0, repeat(md5(g::text), 2) from generate_series(1, "
                        + readings + ") g",
                "delete from readings where id % 10 = 0",
                "analyze");
        return url;
    }
}
