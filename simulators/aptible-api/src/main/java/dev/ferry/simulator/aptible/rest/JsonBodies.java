package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.aptible.domain.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses request bodies by hand so that malformed JSON answers 400 and wrongly typed fields 422,
 * both in the API's error shape.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The body as a JSON object; an empty body counts as {@code {}}. */
    public ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Request body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        return object;
    }

    public static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.unprocessable(field + " must be a string");
        }
        return node.asText();
    }

    /** An integer given as a JSON number or as a string of digits (form-style clients). */
    public static Integer integer(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,9}")) {
            return Integer.valueOf(node.asText());
        }
        throw ApiException.unprocessable(field + " must be an integer");
    }

    public static Boolean bool(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiException.unprocessable(field + " must be true or false");
        }
        return node.asBoolean();
    }

    /**
     * A {@code {string: string}} object. Scalar values are taken as text; {@code null} is kept so
     * that it can remove a variable.
     */
    public static Map<String, String> stringMap(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.unprocessable(field + " must be an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                throw ApiException.unprocessable(field + "." + e.getKey() + " must be a string");
            }
            values.put(e.getKey(), v.isNull() ? null : v.asText());
        });
        return values;
    }
}
