package dev.ferry.simulator.aptible.domain;

/** A failure that the API reports with Aptible's {@code {code, error, message}} body. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static ApiException notFound(String kind, Object id) {
        return new ApiException(404, "not_found", "Couldn't find " + kind + " with 'id'=" + id);
    }

    public static ApiException notFoundBy(String kind, String field, String value) {
        return new ApiException(404, "not_found", "Couldn't find " + kind + " with " + field + "=" + value);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(422, "unprocessable_entity", message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException invalidToken(String message) {
        return new ApiException(401, "invalid_token", message);
    }
}
