package dev.ferry.simulator.heroku.service;

/** A Heroku-style client error: an HTTP status with the {@code id} and message of its body. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String id;

    public ApiException(int status, String id, String message) {
        super(message);
        this.status = status;
        this.id = id;
    }

    public int status() {
        return status;
    }

    public String id() {
        return id;
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }
}
