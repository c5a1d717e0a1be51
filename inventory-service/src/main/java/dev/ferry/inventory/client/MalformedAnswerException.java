package dev.ferry.inventory.client;

/** Heroku answered with a body that is not the JSON the endpoint promises (e.g. cut short). */
public class MalformedAnswerException extends RuntimeException {
    private final String endpoint;
    private final int status;

    public MalformedAnswerException(String endpoint, int status, String detail) {
        super("Heroku's " + status + " answer to " + endpoint + " is not valid JSON: " + detail);
        this.endpoint = endpoint;
        this.status = status;
    }

    /** The request, e.g. {@code GET /apps/x/config-vars}. */
    public String endpoint() {
        return endpoint;
    }

    public int status() {
        return status;
    }
}
