package dev.ferry.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a schema only added to its baseline: optional fields may come, nothing may go or
 * change.
 */
final class SchemaCompatibility {
    private SchemaCompatibility() {}

    /** The breaking differences, empty when the change is additive. */
    static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("$", baseline, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode baseline, JsonNode current, List<String> problems) {
        if (!baseline.path("type").equals(current.path("type"))) {
            problems.add(path + ": type changed from " + baseline.path("type") + " to " + current.path("type"));
            return;
        }
        Set<String> baseRequired = names(baseline.path("required"));
        Set<String> currentRequired = names(current.path("required"));
        for (String added : currentRequired) {
            if (!baseRequired.contains(added)) {
                problems.add(path + "." + added + ": became required; new fields must be optional (@Nullable)");
            }
        }
        for (String dropped : baseRequired) {
            if (!currentRequired.contains(dropped)) {
                problems.add(path + "." + dropped + ": is no longer required; consumers rely on it");
            }
        }
        JsonNode baseProps = baseline.path("properties");
        JsonNode currentProps = current.path("properties");
        baseProps.fieldNames().forEachRemaining(name -> {
            if (!currentProps.has(name)) {
                problems.add(path + "." + name + ": was removed");
            } else {
                compare(path + "." + name, baseProps.get(name), currentProps.get(name), problems);
            }
        });
        if (baseline.has("items")) {
            compare(path + "[]", baseline.get("items"), current.path("items"), problems);
        }
        if (baseline.path("additionalProperties").isObject()) {
            compare(path + "{}", baseline.get("additionalProperties"), current.path("additionalProperties"), problems);
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
