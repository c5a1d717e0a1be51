package dev.ferry.inventory.client;

import jakarta.ws.rs.core.Response;

/** Heroku refused or failed a request; carries Heroku's own error id and message. */
public class HerokuApiException extends RuntimeException {
    private final int status;
    private final String errorId;
    private final Integer rateLimitRemaining;
    private final String herokuMessage;
    private final String endpoint;

    public HerokuApiException(int status, String errorId, String message) {
        this(status, errorId, message, null);
    }

    public HerokuApiException(int status, String errorId, String message, Integer rateLimitRemaining) {
        this(status, errorId, message, rateLimitRemaining, null);
    }

    private HerokuApiException(
            int status, String errorId, String message, Integer rateLimitRemaining, String endpoint) {
        super("Heroku answered " + status + (errorId == null ? "" : " " + errorId)
                + (endpoint == null ? "" : " to " + endpoint) + ": " + message);
        this.status = status;
        this.errorId = errorId;
        this.rateLimitRemaining = rateLimitRemaining;
        this.herokuMessage = message;
        this.endpoint = endpoint;
    }

    /** The same answer, naming the request it was given to, e.g. {@code GET /apps/x/config-vars}. */
    public HerokuApiException at(String requestLine) {
        return endpoint != null
                ? this
                : new HerokuApiException(status, errorId, herokuMessage, rateLimitRemaining, requestLine);
    }

    /** The request that got this answer, or null when unknown. */
    public String endpoint() {
        return endpoint;
    }

    /** The exception for an error answer, reading Heroku's body when it has one. */
    static HerokuApiException of(Response response) {
        HerokuDtos.Error error = null;
        try {
            error = response.readEntity(HerokuDtos.Error.class);
        } catch (RuntimeException unreadable) {
            // Not Heroku's error shape: report the status alone.
        }
        return new HerokuApiException(
                response.getStatus(),
                error == null ? null : error.id(),
                error == null || error.message() == null ? "no error body" : error.message(),
                HerokuClient.remaining(response));
    }

    public int status() {
        return status;
    }

    public String errorId() {
        return errorId;
    }

    /** Heroku's {@code RateLimit-Remaining} on the answer, or null. */
    public Integer rateLimitRemaining() {
        return rateLimitRemaining;
    }
}
