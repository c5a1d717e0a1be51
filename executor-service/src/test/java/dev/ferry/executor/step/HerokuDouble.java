package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for the Heroku Platform and Data API endpoints the cutover steps call, used until
 * the Heroku simulator serves them: checks the bearer token and the version=3 Accept header, keeps app
 * maintenance, formation quantities and backup transfers, and records every request.
 */
public class HerokuDouble implements QuarkusTestResourceLifecycleManager {
    static final String TOKEN = "HRKU-test-token-0000";
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static final Map<String, Boolean> MAINTENANCE = new ConcurrentHashMap<>();
    static final Map<String, Integer> QUANTITY = new ConcurrentHashMap<>();
    static final Map<String, ObjectNode> TRANSFERS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> POLLS = new ConcurrentHashMap<>();
    static volatile boolean failBackups;
    private static final AtomicInteger NUM = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", HerokuDouble::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "ferry.executor.heroku.url", url,
                "ferry.executor.heroku.data-url", url,
                "ferry.executor.heroku.token", TOKEN,
                "ferry.executor.heroku.poll-interval", "50ms",
                "quarkus.rest-client.heroku.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static long count(String requestLine) {
        return REQUESTS.stream().filter(requestLine::equals).count();
    }

    private static void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        REQUESTS.add(method + " " + path);
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, error("unauthorized", "Invalid credentials provided."));
            return;
        }
        String accept = ex.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains("application/vnd.heroku+json; version=3")) {
            send(ex, 406, error("not_acceptable", "Please specify a version along with Heroku's API MIME type."));
            return;
        }
        byte[] raw = ex.getRequestBody().readAllBytes();
        ObjectNode body = raw.length == 0 ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(raw);
        String[] p = path.substring(1).split("/");
        if (p.length == 2 && p[0].equals("apps")) {
            String app = p[1];
            if (!MAINTENANCE.containsKey(app)) {
                send(ex, 404, error("not_found", "Couldn't find that app."));
                return;
            }
            if (method.equals("PATCH")) {
                MAINTENANCE.put(app, body.path("maintenance").asBoolean());
            }
            send(ex, 200, JSON.createObjectNode().put("name", app).put("maintenance", MAINTENANCE.get(app)));
        } else if (p.length == 4 && p[0].equals("apps") && p[2].equals("formation")) {
            String key = p[1] + "/" + p[3];
            if (!QUANTITY.containsKey(key)) {
                send(ex, 404, error("not_found", "Couldn't find that formation."));
                return;
            }
            if (method.equals("PATCH")) {
                QUANTITY.put(key, body.path("quantity").asInt());
            }
            send(ex, 200, JSON.createObjectNode().put("type", p[3]).put("quantity", QUANTITY.get(key)));
        } else if (p.length == 5 && p[2].equals("databases") && p[4].equals("backups") && method.equals("POST")) {
            ObjectNode t = JSON.createObjectNode()
                    .put("uuid", UUID.randomUUID().toString())
                    .put("num", NUM.incrementAndGet())
                    .put("from_type", "pg_dump")
                    .put("to_type", "gof3r")
                    .put("from_name", p[3])
                    .put("succeeded", false)
                    .put("processed_bytes", 0)
                    .putNull("finished_at");
            TRANSFERS.put(t.path("uuid").asText(), t);
            POLLS.put(t.path("uuid").asText(), new AtomicInteger());
            send(ex, 201, t);
        } else if (p.length == 6 && p[4].equals("transfers")) {
            ObjectNode t = TRANSFERS.get(p[5]);
            if (t == null) {
                send(ex, 404, error("not_found", "Couldn't find that transfer."));
                return;
            }
            if (POLLS.get(p[5]).incrementAndGet() >= 3 && t.path("finished_at").isNull()) {
                t.put("finished_at", "2026-11-26T15:00:00Z")
                        .put("succeeded", !failBackups)
                        .put("processed_bytes", 4096);
            }
            send(ex, 200, t);
        } else if (p.length == 5 && p[4].equals("transfers")) {
            ArrayNode all = JSON.createArrayNode();
            TRANSFERS.values().forEach(all::add);
            send(ex, 200, all);
        } else {
            send(ex, 404, error("not_found", "No such path " + path));
        }
    }

    private static ObjectNode error(String id, String message) {
        return JSON.createObjectNode().put("id", id).put("message", message);
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
