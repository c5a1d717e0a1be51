package dev.ferry.inventory.client;

/** Heroku refused or failed a request; carries Heroku's own error id and message. */
public class HerokuApiException extends RuntimeException {
    private final int status;
    private final String errorId;

    public HerokuApiException(int status, String errorId, String message) {
        super("Heroku answered " + status + (errorId == null ? "" : " " + errorId) + ": " + message);
        this.status = status;
        this.errorId = errorId;
    }

    public int status() {
        return status;
    }

    public String errorId() {
        return errorId;
    }
}
