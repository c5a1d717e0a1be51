package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Ensures the app runs the planned image (Direct Docker Image Deploy) or git ref with the planned
 * services: an app whose last deploy succeeded with that image and has those services gets no new
 * deploy. Registry credentials travel sealed and go to Aptible as sensitive settings. Nothing to undo:
 * a later deploy replaces this one.
 *
 * <p>With {@code zeroDowntime=true} (Heroku's preboot), once the deploy succeeded or was found done, the
 * step ensures {@code force_zero_downtime} on each service without an endpoint, where Aptible ignores
 * it anyway on services behind one. The executor cannot tell reliably which services the plan will put
 * behind an endpoint, since {@code ensure-endpoint} steps run after the deploy: it treats {@code web}
 * (the only process Heroku routes HTTP to) as one that will have an endpoint, and any other service that
 * already has a live endpoint (its {@code vhosts}) likewise; every other service gets the setting. A
 * service that already has it is left alone (no request), so a re-run changes nothing; the setting is
 * never turned off, and without {@code zeroDowntime} no service is touched. The summary names the
 * services set.
 */
@ApplicationScoped
public class DeployAppStep implements StepHandler {
    private static final Set<String> REGISTRY =
            Set.of("APTIBLE_PRIVATE_REGISTRY_USERNAME", "APTIBLE_PRIVATE_REGISTRY_PASSWORD");
    /** The process Heroku routes HTTP to; the plan gives it an endpoint after the deploy. */
    private static final String WEB = "web";

    private final AptibleClient aptible;
    private final AptibleOperations operations;
    private final SecretBox secrets;

    public DeployAppStep(AptibleClient aptible, AptibleOperations operations, SecretBox secrets) {
        this.aptible = aptible;
        this.operations = operations;
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return "deploy-app";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String handle = StepSupport.required(context, "app");
        String environment = StepSupport.optional(context, "environment", context.environment());
        String image = StepSupport.optional(context, "image", null);
        String gitRef = StepSupport.optional(context, "gitRef", null);
        if ((image == null) == (gitRef == null)) {
            return StepSupport.fail(new StepException(
                    "Step " + context.step().id() + " needs exactly one of 'image' and 'gitRef'", false));
        }
        Map<String, String> services = services(context);
        return aptible.findApp(handle, environment)
                .map(found -> found.orElseThrow(() -> new StepException(
                        "App " + handle + " does not exist in " + environment + "; its step must succeed first", true)))
                .flatMap(app -> aptible.services(AptibleClient.id(app)).flatMap(existing -> {
                    if (deployed(app, existing, image, gitRef, services.keySet())) {
                        return zeroDowntime(
                                context,
                                existing,
                                outcome(
                                        handle + " already runs " + (image != null ? image : gitRef),
                                        app,
                                        null,
                                        existing));
                    }
                    return operations
                            .run(
                                    context,
                                    AptibleClient.path(app),
                                    body(context, image, gitRef, services),
                                    "app " + handle)
                            .flatMap(op -> aptible.app(AptibleClient.id(app))
                                    .flatMap(after -> aptible.services(AptibleClient.id(after))
                                            .map(now -> {
                                                if (!"provisioned"
                                                                .equals(after.path("status")
                                                                        .asText())
                                                        || !processTypes(now).containsAll(services.keySet())) {
                                                    throw new StepException(
                                                            "Deploy operation " + op.id() + " succeeded but " + handle
                                                                    + " is not running " + services.keySet(),
                                                            true);
                                                }
                                                return now;
                                            })
                                            .flatMap(now -> zeroDowntime(
                                                    context,
                                                    now,
                                                    outcome(
                                                            "Deployed " + (image != null ? image : gitRef) + " to "
                                                                    + handle + " (operation " + op.id() + ")",
                                                            after,
                                                            op.id(),
                                                            now)))));
                }));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        List<String> problems = new ArrayList<>();
        String image = StepSupport.optional(context, "image", null);
        String gitRef = StepSupport.optional(context, "gitRef", null);
        if ((image == null) == (gitRef == null)) {
            problems.add("Step " + context.step().id() + " needs exactly one of 'image' and 'gitRef'");
        }
        if (image != null && !image.matches("[a-z0-9./_:@-]+")) {
            problems.add("'" + image + "' is not a Docker image reference");
        }
        try {
            services(context);
        } catch (StepException e) {
            problems.add(e.getMessage());
        }
        return StepSupport.problems(problems);
    }

    /**
     * With {@code zeroDowntime=true}: {@code force_zero_downtime} on every service but {@code web} that
     * lacks it and has no endpoint, one at a time; the outcome's summary names the services set.
     */
    private Uni<StepOutcome> zeroDowntime(StepContext context, List<JsonNode> services, StepOutcome outcome) {
        if (!"true".equals(StepSupport.optional(context, "zeroDowntime", "false"))) {
            return Uni.createFrom().item(outcome);
        }
        Uni<List<String>> set = Uni.createFrom().item(new ArrayList<>());
        for (JsonNode service : services) {
            String type = service.path("process_type").asText();
            if (WEB.equals(type) || service.path("force_zero_downtime").asBoolean(false)) {
                continue;
            }
            set = set.flatMap(names -> aptible.endpoints(service).flatMap(endpoints -> {
                if (!endpoints.isEmpty()) {
                    return Uni.createFrom().item(names);
                }
                return aptible.setForceZeroDowntime(AptibleClient.id(service), true)
                        .map(updated -> {
                            names.add(type);
                            return names;
                        });
            }));
        }
        return set.map(names -> new StepOutcome(
                outcome.summary()
                        + (names.isEmpty()
                                ? "; force_zero_downtime already set where it applies"
                                : "; force_zero_downtime set on " + String.join(", ", new java.util.TreeSet<>(names))),
                outcome.outputs()));
    }

    /** {@code name=command;name=command}, in order. */
    private static Map<String, String> services(StepContext context) {
        Map<String, String> services = new LinkedHashMap<>();
        for (String entry : StepSupport.optional(context, "services", "").split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw StepSupport.invalid(context, "services", entry.trim(), "name=command");
            }
            services.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return services;
    }

    private Map<String, Object> body(StepContext context, String image, String gitRef, Map<String, String> services) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "deploy");
        if (image != null) {
            body.put("settings", Map.of("APTIBLE_DOCKER_IMAGE", image));
        } else {
            body.put("git_ref", gitRef);
        }
        Map<String, String> sensitive = new TreeMap<>();
        context.step().secrets().forEach((name, box) -> {
            if (REGISTRY.contains(name)) {
                sensitive.put(name, secrets.open(box));
            }
        });
        if (!sensitive.isEmpty()) {
            body.put("sensitive_settings", sensitive);
        }
        if (!services.isEmpty()) {
            // Simulator extension standing in for the Procfile Aptible reads from the image.
            body.put(
                    "procfile",
                    services.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("\n")));
        }
        return body;
    }

    private static boolean deployed(
            JsonNode app, List<JsonNode> services, String image, String gitRef, Set<String> types) {
        JsonNode last = app.path("_embedded").path("last_deploy_operation");
        if (!"provisioned".equals(app.path("status").asText())
                || !"succeeded".equals(last.path("status").asText())) {
            return false;
        }
        boolean same = image != null
                ? image.equals(last.path("docker_ref").asText(null))
                : gitRef.equals(last.path("git_ref").asText(null));
        return same && processTypes(services).containsAll(types);
    }

    private static Set<String> processTypes(List<JsonNode> services) {
        return services.stream().map(s -> s.path("process_type").asText()).collect(Collectors.toSet());
    }

    private static StepOutcome outcome(String summary, JsonNode app, Long operationId, List<JsonNode> services) {
        Map<String, String> outputs = new TreeMap<>();
        outputs.put("appId", Long.toString(AptibleClient.id(app)));
        outputs.put("services", String.join(",", new java.util.TreeSet<>(processTypes(services))));
        if (operationId != null) {
            outputs.put("operationId", Long.toString(operationId));
        }
        return new StepOutcome(summary, outputs);
    }
}
