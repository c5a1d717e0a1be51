package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.client.AptibleApiException;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ensures the Aptible environment (an "account" in the API) exists on the planned stack: found by handle
 * and checked, or created. Rollback deletes it only if this migration created it.
 */
@ApplicationScoped
public class EnsureEnvironmentStep implements StepHandler {
    private final AptibleClient aptible;

    public EnsureEnvironmentStep(AptibleClient aptible) {
        this.aptible = aptible;
    }

    @Override
    public String type() {
        return "ensure-environment";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String handle = StepSupport.required(context, "environment", "handle");
        String stack = StepSupport.optional(context, "stack", null);
        String type = StepSupport.optional(context, "type", null);
        if (!StepSupport.validHandle(handle)) {
            return StepSupport.fail(StepSupport.invalid(context, "environment", handle, "an Aptible handle"));
        }
        return aptible.findEnvironment(handle).flatMap(found -> {
            if (found.isPresent()) {
                return check(found.get(), handle, stack, type)
                        .map(env -> outcome("Environment " + handle + " already exists", env, false));
            }
            return stackId(stack)
                    .flatMap(stackId -> aptible.createEnvironment(
                                    handle,
                                    type != null ? type : stackId == null ? "development" : "production",
                                    stackId)
                            .onFailure(e -> e instanceof AptibleApiException a && a.status() == 422)
                            .recoverWithUni(e -> takenMeanwhile(handle, (AptibleApiException) e)))
                    .flatMap(env -> StepSupport.record(
                                    context,
                                    StepSupport.CREATED,
                                    Long.toString(AptibleClient.id(env)),
                                    AptibleClient.path(env))
                            .replaceWith(env))
                    .flatMap(env -> check(env, handle, stack, type))
                    .map(env -> outcome(
                            "Created environment " + handle + " (id " + AptibleClient.id(env) + ")", env, true));
        });
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        String handle = StepSupport.required(context, "environment", "handle");
        if (!StepSupport.createdHere(context)) {
            return Uni.createFrom().item(new StepOutcome("Environment " + handle + " existed before; kept", Map.of()));
        }
        return aptible.findEnvironment(handle).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new StepOutcome("Environment " + handle + " is already gone", Map.of()));
            }
            return aptible.deleteEnvironment(AptibleClient.id(found.get()))
                    .onFailure(e -> e instanceof AptibleApiException a && a.status() == 422)
                    .transform(e ->
                            new StepException("Cannot delete environment " + handle + ": " + e.getMessage(), false))
                    .replaceWith(new StepOutcome("Deleted environment " + handle, Map.of()));
        });
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        String handle = StepSupport.required(context, "environment", "handle");
        String stack = StepSupport.optional(context, "stack", null);
        String type = StepSupport.optional(context, "type", null);
        List<String> problems = new ArrayList<>();
        if (!StepSupport.validHandle(handle)) {
            problems.add("Environment handle '" + handle + "' is not a valid Aptible handle");
            return StepSupport.problems(problems);
        }
        return aptible.stacks()
                .flatMap(stacks -> {
                    if (stack != null
                            && stacks.stream()
                                    .noneMatch(s -> stack.equals(s.path("name").asText()))) {
                        problems.add("Stack " + stack + " is not visible to this token");
                    }
                    return aptible.findEnvironment(handle);
                })
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : check(found.get(), handle, stack, type)
                                .replaceWithVoid()
                                .onFailure(StepException.class)
                                .recoverWithItem(e -> {
                                    problems.add(e.getMessage());
                                    return null;
                                }))
                .replaceWith(() -> List.copyOf(problems))
                .onFailure(e -> e instanceof AptibleApiException a && (a.status() == 401 || a.status() == 403))
                .recoverWithItem(
                        e -> List.of("The Aptible token cannot read environments or stacks: " + e.getMessage()));
    }

    /** The environment, if its stack and type are the planned ones; a conflict otherwise. */
    private Uni<JsonNode> check(JsonNode env, String handle, String stack, String type) {
        List<String> differences = new ArrayList<>();
        if (type != null && !type.equals(env.path("type").asText())) {
            differences.add("type is " + env.path("type").asText() + ", plan says " + type);
        }
        if (stack == null) {
            return done(env, handle, differences);
        }
        String href = AptibleClient.href(env, "stack");
        return (href == null ? Uni.createFrom().item(Optional.<JsonNode>empty()) : aptible.find(href)).flatMap(s -> {
            String actual = s.map(n -> n.path("name").asText()).orElse("?");
            if (!stack.equals(actual)) {
                differences.add("stack is " + actual + ", plan says " + stack);
            }
            return done(env, handle, differences);
        });
    }

    private static Uni<JsonNode> done(JsonNode env, String handle, List<String> differences) {
        return differences.isEmpty()
                ? Uni.createFrom().item(env)
                : StepSupport.fail(StepSupport.conflict("Environment " + handle, differences));
    }

    private Uni<Long> stackId(String stack) {
        if (stack == null) {
            return Uni.createFrom().nullItem();
        }
        return aptible.stacks()
                .map(stacks -> stacks.stream()
                        .filter(s -> stack.equals(s.path("name").asText()))
                        .findFirst()
                        .map(AptibleClient::id)
                        .orElseThrow(() ->
                                new StepException("Stack " + stack + " is not visible to this Aptible token", false)));
    }

    /** A 422 on create: the handle was taken, perhaps by an earlier attempt that died before recording it. */
    private Uni<JsonNode> takenMeanwhile(String handle, AptibleApiException e) {
        return aptible.findEnvironment(handle)
                .map(found -> found.orElseThrow(() -> new StepException(
                        "Environment handle " + handle + " is taken by an environment this token cannot see ("
                                + e.getMessage() + ")",
                        false)));
    }

    private static StepOutcome outcome(String summary, JsonNode env, boolean created) {
        return new StepOutcome(
                summary,
                Map.of(
                        "environmentId",
                        Long.toString(AptibleClient.id(env)),
                        "environmentHandle",
                        env.path("handle").asText(),
                        "created",
                        Boolean.toString(created)));
    }
}
