package dev.ferry.inventory.client;

/** Heroku answered with a body or headers a list reader cannot use (e.g. JSON cut short). */
public class MalformedAnswerException extends RuntimeException {
    private final String endpoint;
    private final int status;

    public MalformedAnswerException(String endpoint, int status, String detail) {
        super("Heroku's " + status + " answer to " + endpoint + " is not valid JSON: " + detail);
        this.endpoint = endpoint;
        this.status = status;
    }

    private MalformedAnswerException(String message, String endpoint, int status) {
        super(message);
        this.endpoint = endpoint;
        this.status = status;
    }

    /** A list whose {@code Next-Range} asks for the page just read again, which would never end. */
    public static MalformedAnswerException repeatedRange(String endpoint, int status, String range) {
        return new MalformedAnswerException(
                "Heroku's " + status + " answer to " + endpoint + " gives the range just sent (" + range
                        + ") as its Next-Range; following it would never end",
                endpoint,
                status);
    }

    /** The request, e.g. {@code GET /apps/x/config-vars}. */
    public String endpoint() {
        return endpoint;
    }

    public int status() {
        return status;
    }
}
