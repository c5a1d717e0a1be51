package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an Aptible operation ended. {@code gone} means {@code GET /operations/{id}} answered 404, which
 * Aptible does once a deprovision succeeded (the resource and its operations are soft-deleted).
 */
public record AptibleOperation(long id, String type, String status, boolean cancelled, boolean gone) {

    static AptibleOperation of(JsonNode op) {
        return new AptibleOperation(
                op.path("id").asLong(),
                op.path("type").asText(),
                op.path("status").asText(),
                op.path("cancelled").asBoolean(false),
                false);
    }

    static AptibleOperation gone(long id) {
        return new AptibleOperation(id, null, "gone", false, true);
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    public boolean finished() {
        return gone || "succeeded".equals(status) || "failed".equals(status);
    }
}
