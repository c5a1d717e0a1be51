package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.SlackError;

/** Small field checks shared by the Block Kit checkers; all fail with {@code invalid_blocks}. */
final class Checks {

    private Checks() {}

    static JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw SlackError.invalidBlocks(where + " must be an object");
        }
        return node;
    }

    static JsonNode array(JsonNode node, String where, int min, int max) {
        if (node == null || !node.isArray()) {
            throw SlackError.invalidBlocks(where + " must be an array");
        }
        if (node.size() < min || node.size() > max) {
            throw SlackError.invalidBlocks(where + " must have between " + min + " and " + max + " items");
        }
        return node;
    }

    static String string(JsonNode parent, String field, String where, int max) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw SlackError.invalidBlocks(where + "." + field + " must be a non-empty string");
        }
        if (node.asText().length() > max) {
            throw SlackError.invalidBlocks(where + "." + field + " must be at most " + max + " characters");
        }
        return node.asText();
    }

    static String optionalString(JsonNode parent, String field, String where, int max) {
        return parent.has(field) ? string(parent, field, where, max) : null;
    }

    static String type(JsonNode node, String where) {
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw SlackError.invalidBlocks(where + " has no type");
        }
        return type.asText();
    }
}
