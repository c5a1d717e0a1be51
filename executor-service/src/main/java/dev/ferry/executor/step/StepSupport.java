package dev.ferry.executor.step;

import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small helpers every handler shares: optional and typed parameters, the step's own earlier outputs,
 * whether this migration created the resource (so rollback never removes what it found), and conflicts.
 */
final class StepSupport {
    /** Journal key under which a step records the id of a resource it created, right after the create. */
    static final String CREATED = "created";

    private static final Set<String> TRUE = Set.of("true", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "0");

    private StepSupport() {}

    static String optional(StepContext context, String name, String fallback) {
        String value = context.step().parameters().get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The first present of several parameter names (older plans used other names). */
    static String required(StepContext context, String... names) {
        for (String name : names) {
            String value = context.step().parameters().get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return context.parameter(names[0]);
    }

    static boolean bool(StepContext context, String name, boolean fallback) {
        String value = optional(context, name, null);
        if (value == null) {
            return fallback;
        }
        if (TRUE.contains(value.toLowerCase())) {
            return true;
        }
        if (FALSE.contains(value.toLowerCase())) {
            return false;
        }
        throw invalid(context, name, value, "true or false");
    }

    static Integer integer(StepContext context, String name, Integer fallback) {
        String value = optional(context, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw invalid(context, name, value, "a whole number of at least 0");
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(context, name, value, "a whole number");
        }
    }

    static List<String> list(StepContext context, String name) {
        String value = optional(context, name, "");
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static StepException invalid(StepContext context, String name, String value, String expected) {
        return new StepException(
                "Step " + context.step().id() + ": parameter '" + name + "' is '" + value + "', expected " + expected,
                false);
    }

    /** A target that exists with other settings: never overwritten, never retried. */
    static StepException conflict(String what, List<String> differences) {
        return new StepException(
                what + " already exists with different settings (" + String.join("; ", differences)
                        + "); refusing to change it. Rename the target or align the plan.",
                false);
    }

    /** This step's outputs from when it succeeded, empty if it never did. */
    static Map<String, String> own(StepContext context) {
        return context.outputs().getOrDefault(context.step().id(), Map.of());
    }

    /** Whether this migration created the step's resource: said by its outputs, or by the journal. */
    static boolean createdHere(StepContext context) {
        return "true".equals(own(context).get("created"))
                || context.recordedOperation(CREATED).isPresent();
    }

    static Uni<Void> record(StepContext context, String key, String value, String resource) {
        return context.journal().record(context.step().id(), key, value, resource);
    }

    static <T> Uni<T> fail(StepException e) {
        return Uni.createFrom().failure(e);
    }

    static Uni<List<String>> problems(List<String> problems) {
        return Uni.createFrom().item(List.copyOf(problems));
    }

    /** Aptible handles: lowercase letters, digits, '.', '_' and '-'. */
    static boolean validHandle(String handle) {
        return handle != null && handle.matches("[a-z0-9._-]+");
    }
}
