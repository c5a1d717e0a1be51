package dev.ferry.simulator.heroku.rest;

import java.util.Locale;

/** Checks that a client asked for Heroku's API media type at version 3 or a 3.x variant. */
public final class AcceptHeader {

    public static final String HEROKU_MEDIA_TYPE = "application/vnd.heroku+json";

    private AcceptHeader() {}

    /**
     * Whether any media range of the header is {@code application/vnd.heroku+json} with {@code
     * version=3} or {@code version=3.<variant>}.
     */
    public static boolean acceptsVersion3(String header) {
        if (header == null) {
            return false;
        }
        for (String range : header.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].trim().toLowerCase(Locale.ROOT).equals(HEROKU_MEDIA_TYPE)) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].split("=", 2);
                if (param.length == 2
                        && param[0].trim().equalsIgnoreCase("version")
                        && isVersion3(param[1].trim().replace("\"", ""))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isVersion3(String version) {
        return version.equals("3") || (version.startsWith("3.") && version.length() > 2);
    }

    /** The variant after {@code 3.} the header asks for, e.g. {@code sdk}, or null for plain version 3. */
    public static String variant(String header) {
        if (header == null) {
            return null;
        }
        for (String range : header.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].trim().toLowerCase(Locale.ROOT).equals(HEROKU_MEDIA_TYPE)) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].split("=", 2);
                String value = param.length == 2 ? param[1].trim().replace("\"", "") : "";
                if (param[0].trim().equalsIgnoreCase("version") && value.startsWith("3.")) {
                    return value.substring(2);
                }
            }
        }
        return null;
    }
}
