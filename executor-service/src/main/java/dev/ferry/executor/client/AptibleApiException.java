package dev.ferry.executor.client;

/**
 * Aptible refused or failed a request, or could not be reached; keeps the status (0 when no answer
 * came), Aptible's error slug, and the request it answered, so a step's error says what went wrong where.
 */
public class AptibleApiException extends RuntimeException {
    private final int status;
    private final String error;

    public AptibleApiException(int status, String error, String message) {
        super("Aptible answered " + status + (error == null ? "" : " " + error) + ": " + message);
        this.status = status;
        this.error = error;
    }

    private AptibleApiException(int status, String error, String message, Throwable cause, boolean raw) {
        super(message, cause);
        this.status = status;
        this.error = error;
    }

    /** No answer: connection refused, reset or timed out. */
    public static AptibleApiException unreachable(String request, Throwable cause) {
        return new AptibleApiException(
                0,
                "unreachable",
                "Aptible did not answer " + request + ": " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
                cause,
                true);
    }

    /** An operation still queued or running when the step stopped waiting. */
    public static AptibleApiException operationTimeout(long operationId, String status, java.time.Duration after) {
        return new AptibleApiException(
                0,
                "operation_timeout",
                "Aptible operation " + operationId + " was still " + status + " after " + after,
                null,
                true);
    }

    /** The same failure, naming the request it answered. */
    public AptibleApiException on(String request) {
        String text = getMessage().replaceFirst("^Aptible answered ", "Aptible answered " + request + " with ");
        return new AptibleApiException(status, error, text, getCause(), true);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Worth another attempt: no answer, the server failed, or it asked us to slow down. */
    public boolean retryable() {
        return status == 0 || status >= 500 || status == 429 || status == 408;
    }
}
