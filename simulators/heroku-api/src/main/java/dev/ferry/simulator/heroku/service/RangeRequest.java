package dev.ferry.simulator.heroku.service;

import java.util.List;
import java.util.Locale;

/**
 * A parsed Heroku {@code Range} header: {@code <field> [<start>]..[<end>][; max=<n>][,
 * order=asc|desc]}. A start prefixed with {@code ]} is exclusive, which is how {@code Next-Range}
 * continues a list.
 *
 * @param start first key to include, or null to start at the beginning
 * @param end last key to include, or null to run to the end
 */
public record RangeRequest(
        String field, String start, boolean startExclusive, String end, int max, boolean descending) {

    /** Page size when the header gives none. */
    public static final int DEFAULT_MAX = 200;

    /** Largest page Heroku serves; bigger requests are clamped to it. */
    public static final int MAX_MAX = 1000;

    private static final String FORMAT_HINT = "Please use format like `id ..; max=10, order=desc`.";

    /**
     * Parses a header for a list sortable by the given fields.
     *
     * @param header the raw header, or null for the default range
     * @param fields sortable fields; the first is the default
     */
    public static RangeRequest parse(String header, List<String> fields) {
        if (header == null || header.isBlank()) {
            return new RangeRequest(fields.get(0), null, false, null, DEFAULT_MAX, false);
        }
        String text = header.trim();
        int semicolon = text.indexOf(';');
        String bounds = semicolon < 0 ? text : text.substring(0, semicolon).trim();
        String options = semicolon < 0 ? "" : text.substring(semicolon + 1).trim();

        String[] fieldAndKeys = bounds.split("\\s+", 2);
        if (fieldAndKeys.length != 2 || !fieldAndKeys[1].contains("..")) {
            throw invalid();
        }
        String field = fieldAndKeys[0];
        if (!fields.contains(field)) {
            throw ApiException.badRequest("Invalid `Range` header: cannot sort by `"
                    + field
                    + "`; use one of "
                    + String.join(", ", fields)
                    + ".");
        }
        String keys = fieldAndKeys[1].trim();
        int dots = keys.indexOf("..");
        String start = keys.substring(0, dots).trim();
        String end = keys.substring(dots + 2).trim();
        boolean exclusive = start.startsWith("]");
        if (exclusive) {
            start = start.substring(1);
        }
        RangeRequest base = new RangeRequest(
                field, start.isEmpty() ? null : start, exclusive, end.isEmpty() ? null : end, DEFAULT_MAX, false);
        return base.withOptions(options);
    }

    private RangeRequest withOptions(String options) {
        String list = options.endsWith(";") ? options.substring(0, options.length() - 1) : options;
        int max = this.max;
        boolean descending = this.descending;
        for (String option : list.split(",")) {
            String trimmed = option.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] pair = trimmed.split("=", 2);
            if (pair.length != 2 || trimmed.contains(";")) {
                throw invalid();
            }
            String value = pair[1].trim().toLowerCase(Locale.ROOT);
            switch (pair[0].trim().toLowerCase(Locale.ROOT)) {
                case "max" -> max = Math.min(parseMax(value), MAX_MAX);
                case "order" -> {
                    if (!value.equals("asc") && !value.equals("desc")) {
                        throw invalid();
                    }
                    descending = value.equals("desc");
                }
                default -> throw invalid();
            }
        }
        return new RangeRequest(field, start, startExclusive, end, max, descending);
    }

    private static int parseMax(String value) {
        try {
            int max = Integer.parseInt(value);
            if (max < 1) {
                throw invalid();
            }
            return max;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("Invalid `Range` header. " + FORMAT_HINT);
    }

    /** The header that asks for the page after the one ending at {@code lastKey}. */
    public String next(String lastKey) {
        return field
                + " ]"
                + lastKey
                + ".."
                + (end == null ? "" : end)
                + "; max="
                + max
                + (descending ? ", order=desc" : "");
    }
}
