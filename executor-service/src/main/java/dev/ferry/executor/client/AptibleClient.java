package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.config.ExecutorConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Aptible's Deploy API as the executor needs it, the way its CLI uses it: look-ups by handle
 * ({@code /find/*}) before any create, HAL links followed by href, collections walked page by page,
 * creates followed by operations, and operations polled with a growing pause until they end.
 */
@ApplicationScoped
public class AptibleClient {
    private final AptibleSession session;
    private final ExecutorConfig.Aptible config;

    public AptibleClient(AptibleSession session, ExecutorConfig config) {
        this.session = session;
        this.config = config.aptible();
    }

    // ---- environments (accounts) ----

    /** An environment by handle, if it exists. */
    public Uni<Optional<JsonNode>> findEnvironment(String handle) {
        return absentOn404(session.get("/find/account?handle=" + handle, false));
    }

    public Uni<JsonNode> createEnvironment(String handle, String type, Long stackId) {
        Map<String, Object> body = new TreeMap<>(Map.of("handle", handle, "type", type));
        if (stackId != null) {
            body.put("stack_id", stackId);
        }
        return session.post("/accounts", body);
    }

    public Uni<Void> deleteEnvironment(long id) {
        return session.delete("/accounts/" + id)
                .onFailure(e -> e instanceof AptibleApiException a && a.status() == 404)
                .recoverWithNull();
    }

    public Uni<List<JsonNode>> stacks() {
        return all("/stacks", "stacks");
    }

    // ---- apps ----

    /** An app by handle within an environment, if it exists. */
    public Uni<Optional<JsonNode>> findApp(String handle, String environment) {
        return absentOn404(session.get("/find/app?handle=" + handle + "&environment=" + environment, false));
    }

    public Uni<JsonNode> createApp(long environmentId, String handle) {
        return session.post("/accounts/" + environmentId + "/apps", Map.of("handle", handle));
    }

    public Uni<JsonNode> app(long appId) {
        return session.get("/apps/" + appId, false);
    }

    /** The env of an app's current configuration, empty when it has none. Values are secrets. */
    public Uni<Map<String, String>> currentEnv(JsonNode app) {
        String href = href(app, "current_configuration");
        if (href == null) {
            return Uni.createFrom().item(Map.of());
        }
        return session.get(href, true).map(AptibleClient::env);
    }

    public Uni<Map<String, String>> configurationEnv(long configurationId) {
        return session.get("/configurations/" + configurationId, true).map(AptibleClient::env);
    }

    /** The app's services (one per process type), all pages. */
    public Uni<List<JsonNode>> services(long appId) {
        return all("/apps/" + appId + "/services", "services");
    }

    /**
     * Sets a service's {@code force_zero_downtime} with {@code PUT /services/{id}} (Aptible takes the
     * same body on {@code PATCH} and {@code PUT}; PUT is the idempotent verb the session retries) and
     * answers the updated service.
     */
    public Uni<JsonNode> setForceZeroDowntime(long serviceId, boolean enabled) {
        return session.put("/services/" + serviceId, Map.of("force_zero_downtime", enabled));
    }

    /**
     * The endpoints (vhosts) of a service that are not deprovisioned, all pages: its {@code vhosts}
     * link, or {@code /services/{id}/vhosts} when it has none.
     */
    public Uni<List<JsonNode>> endpoints(JsonNode service) {
        String href = href(service, "vhosts");
        return all(href != null ? href : "/services/" + id(service) + "/vhosts", "vhosts")
                .map(vhosts -> vhosts.stream()
                        .filter(v -> !"deprovisioned".equals(v.path("status").asText()))
                        .toList());
    }

    // ---- databases ----

    /** A database by handle, within an environment when one is given. */
    public Uni<Optional<JsonNode>> findDatabase(String handle, String environment) {
        String query = "/find/database?handle=" + handle + (environment == null ? "" : "&environment=" + environment);
        return absentOn404(session.get(query, false));
    }

    /** A database by id; empty when Aptible answers 404 (deprovisioned). */
    public Uni<Optional<JsonNode>> database(long id) {
        return absentOn404(session.get("/databases/" + id, false));
    }

    /** Every engine version Aptible can provision. */
    public Uni<List<JsonNode>> databaseImages() {
        return all("/database_images", "database_images");
    }

    public Uni<JsonNode> createDatabase(long environmentId, Map<String, Object> body) {
        return session.post("/accounts/" + environmentId + "/databases", body);
    }

    /**
     * The connection URL of a database's default credential, read with sensitive extras on. It is a
     * secret: callers pass it to Aptible or a database driver and nowhere else.
     */
    public Uni<Optional<String>> connectionUrl(JsonNode database) {
        return credentials(database)
                .map(all -> all.stream()
                        .filter(DatabaseCredential::isDefault)
                        .flatMap(c -> c.connectionUrl().stream())
                        .findFirst());
    }

    /** Every credential of a database with its connection URL (a secret), read with sensitive extras on. */
    public Uni<List<DatabaseCredential>> credentials(JsonNode database) {
        String href = href(database, "database_credentials");
        if (href == null) {
            return Uni.createFrom().item(List.of());
        }
        return session.get(href, true).map(page -> {
            List<DatabaseCredential> credentials = new ArrayList<>();
            for (JsonNode credential : page.path("_embedded").path("database_credentials")) {
                JsonNode url = credential.path("connection_url");
                credentials.add(new DatabaseCredential(
                        credential.path("type").asText(),
                        credential.path("default").asBoolean(false),
                        url.isTextual() ? Optional.of(url.asText()) : Optional.empty()));
            }
            return credentials;
        });
    }

    // ---- generic HAL ----

    /** A resource by path or href. */
    public Uni<JsonNode> get(String pathOrHref) {
        return session.get(pathOrHref, false);
    }

    /** A resource by path or href; empty when Aptible answers 404 (e.g. deprovisioned). */
    public Uni<Optional<JsonNode>> find(String pathOrHref) {
        return absentOn404(session.get(pathOrHref, false));
    }

    /** A resource with its sensitive fields (connection URLs, drain URLs). */
    public Uni<JsonNode> getSensitive(String pathOrHref) {
        return session.get(pathOrHref, true);
    }

    /** POSTs a create and returns the created resource. */
    public Uni<JsonNode> create(String collectionPath, Map<String, Object> body) {
        return session.post(collectionPath, body);
    }

    /** Every item of a collection, following {@code _links.next} until the last page. */
    public Uni<List<JsonNode>> all(String pathOrHref, String name) {
        List<JsonNode> items = new ArrayList<>();
        return collect(pathOrHref, name, items).replaceWith(items);
    }

    private Uni<Void> collect(String href, String name, List<JsonNode> into) {
        return session.get(href, false).flatMap(page -> {
            page.path("_embedded").path(name).forEach(into::add);
            String next = href(page, "next");
            return next == null ? Uni.createFrom().voidItem() : collect(next, name, into);
        });
    }

    // ---- operations ----

    /** {@code POST <resource>/operations}: Aptible answers with the queued operation. */
    public Uni<JsonNode> startOperation(String resourcePath, Map<String, Object> body) {
        return session.post(resourcePath + "/operations", body);
    }

    /** An operation of this type on the resource that is still queued or running, if any. */
    public Uni<Optional<JsonNode>> inFlightOperation(String resourcePath, String type) {
        return session.get(resourcePath + "/operations", false).map(page -> {
            for (JsonNode op : page.path("_embedded").path("operations")) {
                String status = op.path("status").asText();
                if (op.path("type").asText().equals(type) && (status.equals("queued") || status.equals("running"))) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        });
    }

    public Uni<JsonNode> operation(long operationId) {
        return session.get("/operations/" + operationId, false);
    }

    /**
     * Polls an operation until it succeeds, fails or is gone, pausing from the poll interval up to the
     * maximum, growing by half each time; fails with a retryable {@link AptibleApiException} after the
     * operation timeout, so a retry polls the same operation again.
     */
    public Uni<AptibleOperation> awaitOperation(long operationId) {
        return poll(operationId, Instant.now().plus(config.operationTimeout()), config.pollInterval());
    }

    private Uni<AptibleOperation> poll(long operationId, Instant deadline, Duration pause) {
        return absentOn404(operation(operationId)).flatMap(found -> {
            AptibleOperation op = found.map(AptibleOperation::of).orElse(AptibleOperation.gone(operationId));
            if (op.finished()) {
                return Uni.createFrom().item(op);
            }
            if (Instant.now().isAfter(deadline)) {
                return Uni.createFrom()
                        .failure(AptibleApiException.operationTimeout(
                                operationId, op.status(), config.operationTimeout()));
            }
            Duration next = pause.plus(pause.dividedBy(2));
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(pause)
                    .flatMap(v -> poll(
                            operationId,
                            deadline,
                            next.compareTo(config.maxPollInterval()) > 0 ? config.maxPollInterval() : next));
        });
    }

    /** {@code PUT /operations/{id} {"cancelled": true}}. */
    public Uni<JsonNode> cancelOperation(long operationId) {
        return session.put("/operations/" + operationId, Map.of("cancelled", true));
    }

    /** The operation's log: {@code GET /operations/{id}/logs} names a short-lived URL, read without the token. */
    public Uni<String> operationLogs(long operationId) {
        return session.text("/operations/" + operationId + "/logs", true)
                .flatMap(url -> session.text(url.trim(), false));
    }

    // ---- helpers ----

    private static Uni<Optional<JsonNode>> absentOn404(Uni<JsonNode> call) {
        return call.map(Optional::of)
                .onFailure(e -> e instanceof AptibleApiException a && a.status() == 404)
                .recoverWithItem(Optional.empty());
    }

    private static Map<String, String> env(JsonNode configuration) {
        Map<String, String> env = new TreeMap<>();
        configuration.path("env").fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                env.put(e.getKey(), e.getValue().asText());
            }
        });
        return env;
    }

    /** The numeric id of a HAL resource. */
    public static long id(JsonNode resource) {
        return resource.path("id").asLong();
    }

    /** The href of a link relation, or null. */
    public static String href(JsonNode resource, String rel) {
        JsonNode link = resource.path("_links").path(rel).path("href");
        return link.isTextual() ? link.asText() : null;
    }

    /** The path of a resource ({@code /databases/7}) from its self link. */
    public static String path(JsonNode resource) {
        String self = href(resource, "self");
        if (self == null) {
            throw new IllegalArgumentException("resource without a self link");
        }
        int start = self.indexOf('/', self.indexOf("://") + 3);
        int query = self.indexOf('?');
        return query < 0 ? self.substring(start) : self.substring(start, query);
    }
}
