package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.client.AptibleClient;
import dev.ferry.executor.client.DatabaseCredential;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ensures an app's configuration holds the planned variables: literals ({@code env.NAME}), sealed values
 * (the step's secrets, opened only here), database references ({@code env.NAME = database:<handle>},
 * resolved to the URL of the database's default credential at run time, or of the credential whose type
 * {@code credential.NAME} names, e.g. Redis's {@code redis+ssl}) and removals ({@code unset}). Only what differs
 * is sent, in one configure operation; values never reach outputs, events or logs, only names do.
 * Rollback restores the variables it touched to their values in the configuration it replaced.
 */
@ApplicationScoped
public class ConfigureAppStep implements StepHandler {
    static final String PREVIOUS = "previous-configuration";
    private static final String DATABASE_REF = "database:";
    private static final String CREDENTIAL = "credential.";

    private final AptibleClient aptible;
    private final AptibleOperations operations;
    private final SecretBox secrets;

    public ConfigureAppStep(AptibleClient aptible, AptibleOperations operations, SecretBox secrets) {
        this.aptible = aptible;
        this.operations = operations;
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return "configure-app";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String handle = StepSupport.required(context, "app", "handle");
        String environment = StepSupport.optional(context, "environment", context.environment());
        List<String> unset = StepSupport.list(context, "unset");
        return app(handle, environment)
                .flatMap(app -> desired(context, environment)
                        .flatMap(desired -> aptible.currentEnv(app).flatMap(current -> {
                            Map<String, String> change = difference(current, desired, unset);
                            long appId = AptibleClient.id(app);
                            Map<String, String> outputs = new TreeMap<>();
                            outputs.put("appId", Long.toString(appId));
                            outputs.put("variables", String.join(",", new TreeSet<>(desired.keySet())));
                            if (!unset.isEmpty()) {
                                outputs.put("unset", String.join(",", unset));
                            }
                            if (change.isEmpty()) {
                                context.recordedOperation(PREVIOUS)
                                        .ifPresent(p -> outputs.put("previousConfigurationId", p));
                                context.recordedOperation("configure").ifPresent(id -> outputs.put("operationId", id));
                                return Uni.createFrom()
                                        .item(new StepOutcome(
                                                handle + " already has its " + desired.size() + " variables", outputs));
                            }
                            String previous =
                                    configurationId(app).map(Object::toString).orElse("none");
                            Uni<Void> remember =
                                    context.recordedOperation(PREVIOUS).isPresent()
                                            ? Uni.createFrom().voidItem()
                                            : StepSupport.record(context, PREVIOUS, previous, AptibleClient.path(app));
                            String previousId =
                                    context.recordedOperation(PREVIOUS).orElse(previous);
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("type", "configure");
                            body.put("env", change);
                            return remember.flatMap(v ->
                                            operations.run(context, AptibleClient.path(app), body, "app " + handle))
                                    .flatMap(op -> aptible.app(appId)
                                            .flatMap(aptible::currentEnv)
                                            .map(after -> {
                                                if (!difference(after, desired, unset)
                                                        .isEmpty()) {
                                                    throw new StepException(
                                                            "Configure operation " + op.id() + " succeeded but "
                                                                    + handle + " lacks some planned variables",
                                                            true);
                                                }
                                                outputs.put("operationId", Long.toString(op.id()));
                                                outputs.put("previousConfigurationId", previousId);
                                                return new StepOutcome(
                                                        "Set " + (change.size() - unsetCount(change))
                                                                + " variables on " + handle
                                                                + (unset.isEmpty() ? "" : ", removed " + unset.size())
                                                                + " (operation " + op.id() + ")",
                                                        outputs);
                                            }));
                        })));
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        String handle = StepSupport.required(context, "app", "handle");
        String environment = StepSupport.optional(context, "environment", context.environment());
        String previous = StepSupport.own(context)
                .getOrDefault(
                        "previousConfigurationId",
                        context.recordedOperation(PREVIOUS).orElse(null));
        if (previous == null) {
            return Uni.createFrom().item(new StepOutcome("Configuration of " + handle + " was not changed", Map.of()));
        }
        TreeSet<String> touched = new TreeSet<>(StepSupport.list(context, "unset"));
        context.step().parameters().keySet().stream()
                .filter(k -> k.startsWith("env."))
                .forEach(k -> touched.add(k.substring(4)));
        touched.addAll(context.step().secrets().keySet());
        return aptible.findApp(handle, environment).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom()
                        .item(new StepOutcome("App " + handle + " is gone; nothing to restore", Map.of()));
            }
            JsonNode app = found.get();
            Uni<Map<String, String>> before = "none".equals(previous)
                    ? Uni.createFrom().item(Map.of())
                    : aptible.configurationEnv(Long.parseLong(previous));
            return before.flatMap(old -> aptible.currentEnv(app).flatMap(current -> {
                Map<String, String> restore = new TreeMap<>();
                for (String name : touched) {
                    String was = old.getOrDefault(name, "");
                    if (!was.equals(current.getOrDefault(name, ""))) {
                        restore.put(name, was);
                    }
                }
                if (restore.isEmpty()) {
                    return Uni.createFrom()
                            .item(new StepOutcome("Configuration of " + handle + " is already as before", Map.of()));
                }
                return operations
                        .run(
                                context,
                                "compensate-configure",
                                AptibleClient.path(app),
                                Map.of("type", "configure", "env", restore),
                                "app " + handle)
                        .map(op -> new StepOutcome(
                                "Restored " + restore.size() + " variables of " + handle + " (operation " + op.id()
                                        + ")",
                                Map.of()));
            }));
        });
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        String handle = StepSupport.required(context, "app", "handle");
        String environment = StepSupport.optional(context, "environment", context.environment());
        List<String> problems = new ArrayList<>();
        List<Uni<Void>> checks = new ArrayList<>();
        context.step().parameters().forEach((key, value) -> {
            if (key.startsWith("env.") && value.startsWith(DATABASE_REF)) {
                String db = value.substring(DATABASE_REF.length());
                if (!StepSupport.validHandle(db)) {
                    problems.add(key.substring(4) + " refers to '" + db + "', which is not a database handle");
                }
            }
            if (key.startsWith("env.") && !key.substring(4).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add("'" + key.substring(4) + "' is not a valid environment variable name");
            }
        });
        problems.addAll(misplacedCredentials(context));
        context.step().secrets().forEach((name, box) -> {
            try {
                secrets.open(box);
            } catch (RuntimeException e) {
                problems.add("The sealed value of " + name + " cannot be opened with this executor's keys");
            }
        });
        checks.add(aptible.findEnvironment(environment).replaceWithVoid());
        return Uni.join()
                .all(checks)
                .andFailFast()
                .replaceWith(() -> List.copyOf(problems))
                .onFailure(e -> e instanceof dev.ferry.executor.client.AptibleApiException a
                        && (a.status() == 401 || a.status() == 403))
                .recoverWithItem(e -> List.of("The Aptible token cannot read " + environment + ": " + e.getMessage()));
    }

    private Uni<JsonNode> app(String handle, String environment) {
        return aptible.findApp(handle, environment)
                .map(app -> app.orElseThrow(
                        () -> new StepException("App " + handle + " does not exist in " + environment, true)));
    }

    /** Every planned variable with its value: literals, opened secrets, resolved database URLs. */
    private Uni<Map<String, String>> desired(StepContext context, String environment) {
        Map<String, String> desired = new TreeMap<>();
        Map<String, String> references = new TreeMap<>();
        context.step().parameters().forEach((key, value) -> {
            if (!key.startsWith("env.")) {
                return;
            }
            String name = key.substring(4);
            if (value.startsWith(DATABASE_REF)) {
                references.put(name, value.substring(DATABASE_REF.length()));
            } else {
                desired.put(name, value);
            }
        });
        Map<String, String> credentials = credentialTypes(context);
        List<String> misplaced = misplacedCredentials(context);
        if (!misplaced.isEmpty()) {
            return Uni.createFrom().failure(new StepException(String.join("; ", misplaced), false));
        }
        context.step().secrets().forEach((name, value) -> desired.put(name, secrets.open(value)));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> ref : references.entrySet()) {
            String name = ref.getKey();
            String type = credentials.get(name);
            chain = chain.flatMap(v ->
                            databaseUrl(name, ref.getValue(), environment, type).invoke(url -> desired.put(name, url)))
                    .replaceWithVoid();
        }
        return chain.replaceWith(desired);
    }

    /** {@code credential.<NAME>} parameters: variable name to the credential type its URL comes from. */
    private static Map<String, String> credentialTypes(StepContext context) {
        Map<String, String> types = new TreeMap<>();
        context.step().parameters().forEach((key, value) -> {
            if (key.startsWith(CREDENTIAL)) {
                types.put(key.substring(CREDENTIAL.length()), value);
            }
        });
        return types;
    }

    /** A {@code credential.<NAME>} without an {@code env.<NAME> = database:<handle>} beside it names nothing. */
    private static List<String> misplacedCredentials(StepContext context) {
        Map<String, String> parameters = context.step().parameters();
        List<String> problems = new ArrayList<>();
        credentialTypes(context).forEach((name, type) -> {
            if (!parameters.getOrDefault("env." + name, "").startsWith(DATABASE_REF)) {
                problems.add("credential." + name + " = " + type + " but env." + name
                        + " is not a database:<handle> reference");
            }
        });
        return problems;
    }

    /** The URL of the database's default credential, or of its credential of {@code type} when one is named. */
    private Uni<String> databaseUrl(String name, String handle, String environment, String type) {
        Uni<JsonNode> database = aptible.findDatabase(handle, environment)
                .map(db -> db.orElseThrow(() -> new StepException(
                        "Database " + handle + " does not exist in " + environment + "; its step must succeed first",
                        true)));
        if (type == null) {
            return database.flatMap(aptible::connectionUrl)
                    .map(url -> url.orElseThrow(
                            () -> new StepException("Database " + handle + " has no connection URL yet", true)));
        }
        return database.flatMap(aptible::credentials).map(all -> credentialUrl(name, handle, type, all));
    }

    private static String credentialUrl(String name, String handle, String type, List<DatabaseCredential> all) {
        if (all.isEmpty()) {
            throw new StepException("Database " + handle + " has no credentials yet", true);
        }
        DatabaseCredential credential = all.stream()
                .filter(c -> c.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new StepException(
                        "Database " + handle + " has no credential of type " + type + " for " + name
                                + " (its credential types: "
                                + String.join(
                                        ", ",
                                        all.stream()
                                                .map(DatabaseCredential::type)
                                                .toList()) + ")",
                        false));
        return credential
                .connectionUrl()
                .orElseThrow(() -> new StepException(
                        "The " + type + " credential of database " + handle + " has no connection URL yet", true));
    }

    /** What must be sent so the app ends with {@code desired} and without {@code unset}. */
    private static Map<String, String> difference(
            Map<String, String> current, Map<String, String> desired, List<String> unset) {
        Map<String, String> change = new TreeMap<>();
        desired.forEach((k, v) -> {
            if (!v.equals(current.get(k))) {
                change.put(k, v);
            }
        });
        unset.forEach(k -> {
            if (current.containsKey(k)) {
                change.put(k, "");
            }
        });
        return change;
    }

    private static int unsetCount(Map<String, String> change) {
        return (int) change.values().stream().filter(String::isEmpty).count();
    }

    private static Optional<Long> configurationId(JsonNode app) {
        String href = AptibleClient.href(app, "current_configuration");
        return href == null ? Optional.empty() : Optional.of(Long.parseLong(href.substring(href.lastIndexOf('/') + 1)));
    }
}
