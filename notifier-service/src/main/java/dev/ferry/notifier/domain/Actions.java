package dev.ferry.notifier.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buttons Ferry puts on messages: their action ids and the JSON values they carry, so the
 * interactivity endpoint reads back exactly what the message offered.
 */
public final class Actions {
    public static final String APPROVE_PLAN = "ferry.approve-plan";
    public static final String REJECT_PLAN = "ferry.reject-plan";
    public static final String APPROVE_GATE = "ferry.approve-gate";
    public static final String RETRY_STEP = "ferry.retry-step";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Actions() {}

    public static String planValue(String planId, int version) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("planId", planId);
        value.put("version", version);
        return write(value);
    }

    public static String stepValue(String migrationId, String stepId) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("migrationId", migrationId);
        value.put("stepId", stepId);
        return write(value);
    }

    /** Reads a button value; null when it is not one of Ferry's. */
    public static JsonNode read(String value) {
        try {
            JsonNode node = JSON.readTree(value == null ? "" : value);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
