package dev.ferry.simulator.heroku.rest;

/** Tells Heroku API paths from the simulator's own admin and health paths. */
public final class HerokuPaths {

    public static final String ADMIN_ROOT = "/_simulator";
    public static final String RATE_LIMITS = "/account/rate-limits";

    private HerokuPaths() {}

    /** Whether the path belongs to the simulated Heroku API, so the protocol rules apply. */
    public static boolean isApi(String path) {
        return !isUnder(path, ADMIN_ROOT) && !isUnder(path, "/q");
    }

    /** Whether the request is free of rate-limit charge, as Heroku documents for rate-limits. */
    public static boolean isFree(String method, String path) {
        return "GET".equals(method) && (RATE_LIMITS.equals(path) || (RATE_LIMITS + "/").equals(path));
    }

    /**
     * Whether the path belongs to the Heroku Data API ({@code api.data.heroku.com}), served here on
     * the same port: bearer auth applies, the Platform API's {@code Accept} version and rate limit do not.
     */
    public static boolean isDataApi(String path) {
        return isUnder(path, "/client/v11") || isUnder(path, "/redis/v0") || isUnder(path, "/postgres/v0");
    }

    private static boolean isUnder(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
