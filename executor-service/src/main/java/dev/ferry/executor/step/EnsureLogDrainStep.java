package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.client.AptibleApiException;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ensures a provisioned log drain in the environment, shipping to the planned destination. The
 * destination URL is a secret (it often carries a token): it is opened here, compared with what Aptible
 * holds without being printed, and sent to Aptible only. Rollback deprovisions a drain this migration created.
 */
@ApplicationScoped
public class EnsureLogDrainStep implements StepHandler {
    private static final Set<String> URL_TYPES = Set.of("https_post", "datadog", "sumologic", "logdna");
    private static final Set<String> HOST_TYPES = Set.of("syslog_tls_tcp", "papertrail");

    private final AptibleClient aptible;
    private final AptibleOperations operations;
    private final SecretBox secrets;

    public EnsureLogDrainStep(AptibleClient aptible, AptibleOperations operations, SecretBox secrets) {
        this.aptible = aptible;
        this.operations = operations;
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return "ensure-log-drain";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String environment = StepSupport.required(context, "environment");
        String handle = StepSupport.required(context, "handle");
        String drainType = drainType(context);
        Map<String, Object> destination = destination(context, drainType);
        return environment(environment)
                .flatMap(env -> existing(env, handle).flatMap(found -> {
                    if (found.isPresent()) {
                        return aptible.getSensitive(AptibleClient.path(found.get()))
                                .flatMap(drain -> {
                                    List<String> differences = compare(drain, drainType, destination);
                                    return differences.isEmpty()
                                            ? provisioned(context, drain, handle, false)
                                            : StepSupport.fail(
                                                    StepSupport.conflict("Log drain " + handle, differences));
                                });
                    }
                    Map<String, Object> body = new LinkedHashMap<>(destination);
                    body.put("handle", handle);
                    body.put("drain_type", drainType);
                    body.put("drain_apps", true);
                    body.put("drain_databases", true);
                    body.put("drain_ephemeral_sessions", true);
                    body.put("drain_proxies", true);
                    return aptible.create(AptibleClient.path(env) + "/log_drains", body)
                            .flatMap(drain -> StepSupport.record(
                                            context,
                                            StepSupport.CREATED,
                                            Long.toString(AptibleClient.id(drain)),
                                            AptibleClient.path(drain))
                                    .replaceWith(drain))
                            .flatMap(drain -> provisioned(context, drain, handle, true));
                }));
    }

    private Uni<StepOutcome> provisioned(StepContext context, JsonNode drain, String handle, boolean created) {
        String path = AptibleClient.path(drain);
        Uni<Long> provision = "provisioned".equals(drain.path("status").asText())
                ? Uni.createFrom().item((Long) null)
                : operations
                        .run(context, path, Map.of("type", "provision"), "log drain " + handle)
                        .map(op -> op.id());
        return provision.flatMap(opId -> aptible.get(path).map(after -> {
            if (!"provisioned".equals(after.path("status").asText())) {
                throw new StepException(
                        "Log drain " + handle + " is " + after.path("status").asText(), true);
            }
            Map<String, String> outputs = new TreeMap<>();
            outputs.put("logDrainId", Long.toString(AptibleClient.id(after)));
            outputs.put("created", Boolean.toString(created));
            if (opId != null) {
                outputs.put("operationId", Long.toString(opId));
            }
            return new StepOutcome(
                    opId == null
                            ? "Log drain " + handle + " is already provisioned"
                            : "Provisioned log drain " + handle,
                    outputs);
        }));
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        String environment = StepSupport.required(context, "environment");
        String handle = StepSupport.required(context, "handle");
        if (!StepSupport.createdHere(context)) {
            return Uni.createFrom().item(new StepOutcome("Log drain " + handle + " existed before; kept", Map.of()));
        }
        return aptible.findEnvironment(environment)
                .flatMap(env ->
                        env.isEmpty() ? Uni.createFrom().item(Optional.<JsonNode>empty()) : existing(env.get(), handle))
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(new StepOutcome("Log drain " + handle + " is already gone", Map.of()))
                        : operations
                                .run(
                                        context,
                                        AptibleClient.path(found.get()),
                                        Map.of("type", "deprovision"),
                                        "log drain " + handle)
                                .map(op -> new StepOutcome(
                                        "Deprovisioned log drain " + handle + " (operation " + op.id() + ")",
                                        Map.of())));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        List<String> problems = new ArrayList<>();
        String environment;
        String handle;
        String drainType;
        Map<String, Object> destination;
        try {
            environment = StepSupport.required(context, "environment");
            handle = StepSupport.required(context, "handle");
            drainType = drainType(context);
            destination = destination(context, drainType);
        } catch (StepException e) {
            return StepSupport.problems(List.of(e.getMessage()));
        }
        if (!StepSupport.validHandle(handle)) {
            problems.add("Log drain handle '" + handle + "' is not a valid Aptible handle");
        }
        return aptible.findEnvironment(environment)
                .flatMap(env ->
                        env.isEmpty() ? Uni.createFrom().item(Optional.<JsonNode>empty()) : existing(env.get(), handle))
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(List.<String>of())
                        : aptible.getSensitive(AptibleClient.path(found.get()))
                                .map(d -> compare(d, drainType, destination)))
                .map(differences -> {
                    if (!differences.isEmpty()) {
                        problems.add("Log drain " + handle + " already exists with different settings: "
                                + String.join("; ", differences));
                    }
                    return List.copyOf(problems);
                })
                .onFailure(e -> e instanceof AptibleApiException a && (a.status() == 401 || a.status() == 403))
                .recoverWithItem(e ->
                        List.of("The Aptible token cannot read log drains of " + environment + ": " + e.getMessage()));
    }

    private static String drainType(StepContext context) {
        String type = StepSupport.required(context, "drainType");
        if (!URL_TYPES.contains(type) && !HOST_TYPES.contains(type) && !type.equals("solarwinds")) {
            throw StepSupport.invalid(
                    context,
                    "drainType",
                    type,
                    "one of " + new java.util.TreeSet<>(URL_TYPES) + " or syslog_tls_tcp, papertrail");
        }
        return type;
    }

    /** The destination fields for Aptible, from the sealed {@code url}. */
    private Map<String, Object> destination(StepContext context, String drainType) {
        SealedSecret sealed = context.step().secrets().get("url");
        if (sealed == null) {
            throw new StepException("Step " + context.step().id() + " lacks the sealed 'url' of the drain", false);
        }
        String url = secrets.open(sealed);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (HOST_TYPES.contains(drainType)) {
            URI uri;
            try {
                uri = URI.create(url.contains("://") ? url : "syslog+tls://" + url);
            } catch (IllegalArgumentException e) {
                throw new StepException(
                        "The drain URL of step " + context.step().id() + " is not host:port", false);
            }
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new StepException(
                        "The drain URL of step " + context.step().id() + " needs a host and a port", false);
            }
            fields.put("drain_host", uri.getHost());
            fields.put("drain_port", Integer.toString(uri.getPort()));
            fields.put("logging_token", uri.getUserInfo());
        } else {
            if (!url.startsWith("https://")) {
                throw new StepException(
                        "The drain URL of step " + context.step().id() + " must be https://", false);
            }
            fields.put("url", url);
        }
        return fields;
    }

    private static List<String> compare(JsonNode drain, String drainType, Map<String, Object> destination) {
        List<String> differences = new ArrayList<>();
        if (!drainType.equals(drain.path("drain_type").asText())) {
            differences.add("type is " + drain.path("drain_type").asText() + ", plan says " + drainType);
        }
        destination.forEach((field, value) -> {
            String actual =
                    drain.path(field).isNull() ? null : drain.path(field).asText(null);
            if (!java.util.Objects.equals(actual, value == null ? null : value.toString())) {
                differences.add(field + " differs from the planned destination");
            }
        });
        return differences;
    }

    private Uni<JsonNode> environment(String handle) {
        return aptible.findEnvironment(handle)
                .map(env -> env.orElseThrow(() -> new StepException(
                        "Environment " + handle + " does not exist; its step must succeed first", true)));
    }

    private Uni<Optional<JsonNode>> existing(JsonNode env, String handle) {
        return aptible.all(AptibleClient.path(env) + "/log_drains", "log_drains")
                .map(drains -> drains.stream()
                        .filter(d -> handle.equals(d.path("handle").asText()))
                        .findFirst());
    }
}
