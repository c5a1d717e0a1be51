package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ensures a service runs the planned container count, size and profile with one scale operation when it
 * does not already. The settings it found are journalled before it scales, so rollback can scale back.
 */
@ApplicationScoped
public class ScaleServiceStep implements StepHandler {
    static final String PREVIOUS = "previous-scale";
    static final Set<Integer> SIZES = Set.of(512, 1024, 2048, 4096, 7168, 15360, 30720, 61440, 153600, 245760);
    private static final Set<String> PROFILES = Set.of("m", "c", "r");

    private final AptibleClient aptible;
    private final AptibleOperations operations;

    public ScaleServiceStep(AptibleClient aptible, AptibleOperations operations) {
        this.aptible = aptible;
        this.operations = operations;
    }

    @Override
    public String type() {
        return "scale-service";
    }

    private record Scale(int count, int sizeMb, String profile) {
        String encoded() {
            return count + "/" + sizeMb + "/" + profile;
        }

        static Scale decode(String value) {
            String[] p = value.split("/");
            return new Scale(Integer.parseInt(p[0]), Integer.parseInt(p[1]), p[2]);
        }

        static Scale of(JsonNode service) {
            String instanceClass = service.path("instance_class").asText("m5");
            return new Scale(
                    service.path("container_count").asInt(),
                    service.path("container_memory_limit_mb").asInt(),
                    instanceClass.isEmpty() ? "m" : instanceClass.substring(0, 1));
        }
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String app = StepSupport.required(context, "app");
        String process = StepSupport.required(context, "service");
        Scale wanted = wanted(context);
        return service(context, app, process).flatMap(service -> {
            Scale current = Scale.of(service);
            if (current.equals(wanted)) {
                Map<String, String> outputs = outputs(
                        service,
                        context.recordedOperation(PREVIOUS).map(Scale::decode).orElse(current));
                return Uni.createFrom()
                        .item(new StepOutcome(app + "/" + process + " already runs " + describe(wanted), outputs));
            }
            Uni<Void> remember = context.recordedOperation(PREVIOUS).isPresent()
                    ? Uni.createFrom().voidItem()
                    : StepSupport.record(context, PREVIOUS, current.encoded(), AptibleClient.path(service));
            Scale previous =
                    context.recordedOperation(PREVIOUS).map(Scale::decode).orElse(current);
            return remember.flatMap(v ->
                            operations.run(context, AptibleClient.path(service), body(wanted), app + "/" + process))
                    .flatMap(op -> aptible.get(AptibleClient.path(service)).map(after -> {
                        if (!Scale.of(after).equals(wanted)) {
                            throw new StepException(
                                    "Scale operation " + op.id() + " succeeded but " + app + "/" + process + " runs "
                                            + describe(Scale.of(after)),
                                    true);
                        }
                        Map<String, String> outputs = outputs(after, previous);
                        outputs.put("operationId", Long.toString(op.id()));
                        return new StepOutcome(
                                "Scaled " + app + "/" + process + " to " + describe(wanted) + " (operation " + op.id()
                                        + ")",
                                outputs);
                    }));
        });
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        String app = StepSupport.required(context, "app");
        String process = StepSupport.required(context, "service");
        Map<String, String> own = StepSupport.own(context);
        Scale previous = own.containsKey("previousCount")
                ? new Scale(
                        Integer.parseInt(own.get("previousCount")),
                        Integer.parseInt(own.get("previousSizeMb")),
                        own.get("previousProfile"))
                : context.recordedOperation(PREVIOUS).map(Scale::decode).orElse(null);
        if (previous == null) {
            return Uni.createFrom().item(new StepOutcome(app + "/" + process + " was not scaled", Map.of()));
        }
        return service(context, app, process)
                .flatMap(service -> Scale.of(service).equals(previous)
                        ? Uni.createFrom()
                                .item(new StepOutcome(
                                        app + "/" + process + " already runs " + describe(previous), Map.of()))
                        : operations
                                .run(
                                        context,
                                        "compensate-scale",
                                        AptibleClient.path(service),
                                        body(previous),
                                        app + "/" + process)
                                .map(op -> new StepOutcome(
                                        "Scaled " + app + "/" + process + " back to " + describe(previous)
                                                + " (operation " + op.id() + ")",
                                        Map.of())));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        List<String> problems = new ArrayList<>();
        try {
            wanted(context);
        } catch (StepException e) {
            problems.add(e.getMessage());
        }
        return StepSupport.problems(problems);
    }

    private static Scale wanted(StepContext context) {
        int count = StepSupport.integer(context, "containerCount", 1);
        int size = StepSupport.integer(context, "containerSizeMb", 1024);
        String profile = StepSupport.optional(context, "profile", "m");
        if (!SIZES.contains(size)) {
            throw StepSupport.invalid(
                    context, "containerSizeMb", Integer.toString(size), "one of " + new java.util.TreeSet<>(SIZES));
        }
        if (!PROFILES.contains(profile)) {
            throw StepSupport.invalid(context, "profile", profile, "m, c or r");
        }
        return new Scale(count, size, profile);
    }

    private Uni<JsonNode> service(StepContext context, String app, String process) {
        String environment = StepSupport.optional(context, "environment", context.environment());
        return aptible.findApp(app, environment)
                .map(found -> found.orElseThrow(
                        () -> new StepException("App " + app + " does not exist in " + environment, true)))
                .flatMap(a -> aptible.services(AptibleClient.id(a)))
                .map(services -> services.stream()
                        .filter(s -> process.equals(s.path("process_type").asText()))
                        .findFirst()
                        .orElseThrow(() -> new StepException(
                                "App " + app + " has no service " + process + "; its deploy must succeed first",
                                true)));
    }

    private static Map<String, Object> body(Scale scale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "scale");
        body.put("container_count", scale.count());
        body.put("container_size", scale.sizeMb());
        body.put("instance_profile", scale.profile());
        return body;
    }

    private static Map<String, String> outputs(JsonNode service, Scale previous) {
        Map<String, String> outputs = new TreeMap<>();
        outputs.put("serviceId", Long.toString(AptibleClient.id(service)));
        outputs.put("previousCount", Integer.toString(previous.count()));
        outputs.put("previousSizeMb", Integer.toString(previous.sizeMb()));
        outputs.put("previousProfile", previous.profile());
        return outputs;
    }

    private static String describe(Scale s) {
        return s.count() + " x " + s.sizeMb() + " MB (" + s.profile() + ")";
    }
}
