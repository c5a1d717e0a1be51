package dev.ferry.executor.crash;

import dev.ferry.testkit.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "Heroku" side of the crash test's data: real source databases on the bench's PostgreSQL with
 * a few related tables, a used sequence and enough rows that a copy takes seconds, and the bench's
 * own fingerprint of a database (row count and hash sum per table, sequence positions) computed
 * without any executor code, to compare source and target independently of verify-postgres.
 */
final class SourceDatabases {
    static final String[] TABLES = {"customers", "orders", "events"};
    static final String[] SEQUENCES = {"invoice_numbers", "customers_id_seq", "orders_id_seq"};

    private final LocalPostgres server;

    SourceDatabases(LocalPostgres server) {
        this.server = server;
    }

    /** Creates the database with {@code orders} order rows (plus an eighth as customers and 3/8 as events). */
    String create(String name, int orders) throws SQLException {
        server.createDatabase(name);
        int customers = Math.max(1, orders / 8);
        int events = orders * 3 / 8;
        execute(
                name,
                "create sequence invoice_numbers start 5000",
                "create table customers (id bigserial primary key, email text not null unique, name text not null,"
                        + " created_at timestamptz not null)",
                "create table orders (id bigserial primary key, customer_id bigint not null references customers (id),"
                        + " total numeric(10, 2) not null, invoice int not null default nextval('invoice_numbers'),"
                        + " note text)",
                "create index orders_by_customer on orders (customer_id)",
                "create table events (id bigint primary key, kind text not null, payload jsonb not null)",
                "insert into customers (email, name, created_at) select 'user' || g || '@" + name + ".example',"
                        + " 'Customer ' || g, timestamptz '2024-01-01' + g * interval '1 minute'"
                        + " from generate_series(1, " + customers + ") g",
                "insert into orders (customer_id, total, note) select 1 + g % " + customers + ", (g % 1000) * 1.25,"
                        + " md5(g::text) from generate_series(1, " + orders + ") g",
                "insert into events select g, (array['click', 'view', 'buy'])[1 + g % 3],"
                        + " jsonb_build_object('n', g, 'tag', md5((g * 7)::text)) from generate_series(1, " + events
                        + ") g",
                "delete from orders where id % 97 = 0",
                "analyze");
        return "postgres://" + LocalPostgres.USER + ":" + LocalPostgres.PASSWORD + "@127.0.0.1:" + server.port() + "/"
                + name;
    }

    /** Per table {@code rows=N hash=H} and per sequence {@code last=N called=B}, read as the superuser. */
    Map<String, String> fingerprint(String database) throws SQLException {
        Map<String, String> print = new TreeMap<>();
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(sum(hashtextextended(t::text, 7)), 0)"
                        + " from public." + table + " t")) {
                    rs.next();
                    print.put("table " + table, "rows=" + rs.getLong(1) + " hash=" + rs.getString(2));
                }
            }
            for (String sequence : SEQUENCES) {
                try (ResultSet rs = s.executeQuery("select last_value, is_called from public." + sequence)) {
                    rs.next();
                    print.put("sequence " + sequence, "last=" + rs.getLong(1) + " called=" + rs.getBoolean(2));
                }
            }
        }
        return print;
    }

    /** Total rows over the tables of a fingerprint. */
    static long rows(Map<String, String> fingerprint) {
        return fingerprint.entrySet().stream()
                .filter(e -> e.getKey().startsWith("table "))
                .mapToLong(e -> Long.parseLong(e.getValue().replaceAll("^rows=(\\d+).*$", "$1")))
                .sum();
    }

    /** Databases on the server whose name starts with the prefix (the Aptible simulator's backing ones). */
    List<String> databasesNamed(String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select datname from pg_database where datname like '" + prefix + "%' order by datname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Sessions the executor's copier or verifier has open on the given databases right now. */
    int copierSessions(List<String> databases) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where application_name = "
                        + "'ferry-copy' and datname in ('" + String.join("', '", databases) + "')")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private void execute(String database, String... statements) throws SQLException {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }
}
