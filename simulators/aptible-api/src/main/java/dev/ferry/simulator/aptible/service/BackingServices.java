package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.domain.Database;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Creates and drops the real local databases behind simulated ones: a database and a login role on a
 * PostgreSQL server, or a DB index on a Redis server, so data copied "to Aptible" really lands somewhere.
 * Without a configured server the connection URL names a host under a domain that never resolves.
 */
@ApplicationScoped
public class BackingServices {

    private static final Logger LOG = Logger.getLogger(BackingServices.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimulatorConfig.Backing config;
    private final Set<Integer> redisIndexes = ConcurrentHashMap.newKeySet();

    public BackingServices(SimulatorConfig config) {
        this.config = config.backing();
    }

    /** What provisioning produced: the URL clients get and a reference for dropping it later. */
    public record Provisioned(String connectionUrl, String backingRef) {}

    public Provisioned provision(Database db) {
        String password = HexFormat.of().formatHex(bytes(16));
        return switch (db.type()) {
            case "postgresql" ->
                config.postgresAdminUrl().isPresent()
                        ? postgres(db, password)
                        : new Provisioned("postgresql://aptible:" + password + "@" + host(db) + ":5432/db", null);
            case "redis" ->
                config.redisUrl().isPresent()
                        ? redis(password)
                        : new Provisioned("redis://aptible:" + password + "@" + host(db) + ":6379", null);
            default -> new Provisioned(db.type() + "://aptible:" + password + "@" + host(db) + ":1/db", null);
        };
    }

    /** Drops what {@link #provision} created; a missing backing database is not an error. */
    public void drop(Database db) {
        String ref = db.backingRef();
        if (ref == null) {
            return;
        }
        if (ref.startsWith("pg:")) {
            String name = ref.substring(3);
            adminExecute("drop database if exists " + name + " with (force)", "drop role if exists " + name);
        } else if (ref.startsWith("redis:")) {
            int index = Integer.parseInt(ref.substring(6));
            redis(index, "FLUSHDB");
            redisIndexes.remove(index);
        }
    }

    private Provisioned postgres(Database db, String password) {
        String name = "aptible_db_" + db.id();
        adminExecute(
                "drop database if exists " + name + " with (force)",
                "drop role if exists " + name,
                "create role " + name + " login password '" + password + "'",
                "create database " + name + " owner " + name);
        URI admin = URI.create(config.postgresAdminUrl().orElseThrow());
        String url = "postgresql://" + name + ":" + password + "@" + admin.getHost() + ":"
                + (admin.getPort() < 0 ? 5432 : admin.getPort()) + "/" + name;
        LOG.infof("created PostgreSQL database %s for %s", name, db.handle());
        return new Provisioned(url, "pg:" + name);
    }

    private Provisioned redis(String password) {
        URI uri = URI.create(config.redisUrl().orElseThrow());
        for (int index = config.redisFirstIndex(); index < config.redisDatabases(); index++) {
            if (redisIndexes.add(index)) {
                redis(index, "FLUSHDB");
                String auth = uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@";
                return new Provisioned(
                        "redis://" + auth + uri.getHost() + ":" + port(uri, 6379) + "/" + index, "redis:" + index);
            }
        }
        throw new IllegalStateException("No free Redis DB index left on " + uri.getHost());
    }

    private void adminExecute(String... statements) {
        URI uri = URI.create(config.postgresAdminUrl().orElseThrow().replaceFirst("^jdbc:", ""));
        Properties props = new Properties();
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            props.setProperty("user", parts[0]);
            if (parts.length > 1) {
                props.setProperty("password", parts[1]);
            }
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port(uri, 5432) + uri.getPath();
        try (Connection c = DriverManager.getConnection(jdbc, props);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Backing PostgreSQL refused: " + e.getMessage(), e);
        }
    }

    /** Sends {@code SELECT index} and one command over RESP, reading the replies. */
    private void redis(int index, String command) {
        URI uri = URI.create(config.redisUrl().orElseThrow());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port(uri, 6379)), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                String secret = parts.length > 1 ? parts[1] : parts[0];
                send(
                        out,
                        in,
                        parts.length > 1 && !parts[0].isEmpty()
                                ? new String[] {"AUTH", parts[0], secret}
                                : new String[] {"AUTH", secret});
            }
            send(out, in, new String[] {"SELECT", Integer.toString(index)});
            send(out, in, new String[] {command});
        } catch (IOException e) {
            throw new IllegalStateException("Backing Redis refused: " + e.getMessage(), e);
        }
    }

    private static void send(OutputStream out, InputStream in, String[] args) throws IOException {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            b.append('$')
                    .append(a.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(a)
                    .append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder reply = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            reply.append((char) c);
        }
        if (reply.length() > 0 && reply.charAt(0) == '-') {
            throw new IOException(reply.toString().trim());
        }
    }

    private String host(Database db) {
        return "db-" + db.handle().replaceAll("[^a-z0-9-]", "-") + "-" + db.id() + "." + config.unreachableDomain();
    }

    private static int port(URI uri, int fallback) {
        return uri.getPort() < 0 ? fallback : uri.getPort();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
