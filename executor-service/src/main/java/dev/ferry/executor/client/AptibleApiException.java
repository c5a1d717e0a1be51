package dev.ferry.executor.client;

/** Aptible refused or failed a request; keeps its status, error slug and message. */
public class AptibleApiException extends RuntimeException {
    private final int status;
    private final String error;

    public AptibleApiException(int status, String error, String message) {
        super("Aptible answered " + status + (error == null ? "" : " " + error) + ": " + message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Worth another attempt: the server failed or asked us to slow down. */
    public boolean retryable() {
        return status >= 500 || status == 429 || status == 408;
    }
}
