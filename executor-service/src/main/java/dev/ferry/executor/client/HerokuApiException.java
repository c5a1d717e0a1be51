package dev.ferry.executor.client;

/** Heroku refused or failed a request ({@code {"id", "message"}} body), or did not answer (status 0). */
public class HerokuApiException extends RuntimeException {
    private final int status;
    private final String id;

    public HerokuApiException(int status, String id, String message) {
        super("Heroku answered " + status + (id == null ? "" : " " + id) + ": " + message);
        this.status = status;
        this.id = id;
    }

    private HerokuApiException(int status, String id, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.id = id;
    }

    public static HerokuApiException unreachable(String request, Throwable cause) {
        return new HerokuApiException(
                0,
                "unreachable",
                "Heroku did not answer " + request + ": " + cause.getClass().getSimpleName(),
                cause);
    }

    public HerokuApiException on(String request) {
        return new HerokuApiException(
                status,
                id,
                getMessage().replaceFirst("^Heroku answered ", "Heroku answered " + request + " with "),
                getCause());
    }

    public int status() {
        return status;
    }

    public String id() {
        return id;
    }

    public boolean retryable() {
        return status == 0 || status >= 500 || status == 429;
    }
}
