package dev.ferry.simulator.heroku.rest;

/** Names of the Heroku protocol headers the simulator reads and writes. */
public final class HerokuHeaders {

    public static final String REQUEST_ID = "Request-Id";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RANGE = "Range";
    public static final String NEXT_RANGE = "Next-Range";
    public static final String CONTENT_RANGE = "Content-Range";
    public static final String ACCEPT_RANGES = "Accept-Ranges";
    public static final String ACCEPT_INCLUSION = "Accept-Inclusion";

    private HerokuHeaders() {}
}
