package dev.ferry.executor.data.postgres;

/**
 * The migration step a copy belongs to, so a later attempt can tell its own partial copy (which it
 * may drop or overwrite) from anybody else's data (which it must never touch).
 */
public record CopyOwner(String migrationId, String stepId) {
    static final String PREFIX = "ferry-copy ";

    public CopyOwner {
        if (migrationId == null || migrationId.isBlank() || stepId == null || stepId.isBlank()) {
            throw new IllegalArgumentException("A copy needs the migration and the step it belongs to");
        }
    }

    /** The mark a target carries while this step copies into it. */
    public String inProgress() {
        return PREFIX + migrationId + "/" + stepId + " in-progress";
    }

    /** The mark a target carries once this step's copy finished. */
    public String completed() {
        return PREFIX + migrationId + "/" + stepId + " completed";
    }

    /** Whether a mark found on a target was left by this same migration step, finished or not. */
    public boolean wrote(String mark) {
        return inProgress().equals(mark) || completed().equals(mark);
    }

    /** How a mark found on a target reads in a refusal; never more than a short excerpt of a foreign comment. */
    static String describeMark(String mark) {
        if (mark == null || mark.isBlank()) {
            return "it carries no Ferry copy mark";
        }
        if (mark.startsWith(PREFIX)) {
            return "it is marked '" + abbreviate(mark) + "' by another migration step";
        }
        return "it carries no Ferry copy mark";
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
