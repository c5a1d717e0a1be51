package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.DynoSize;
import dev.ferry.events.inventory.EstateDiscovered;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dyno sizes become container sizes: the dyno's memory rounded up to the nearest Aptible container
 * size, and a profile: {@code r} (memory-optimised) for the RAM-heavy dynos, {@code c} for
 * compute-optimised ones, {@code m} otherwise.
 */
public final class SizingRule {
    /** Aptible's general-purpose container sizes in MB, ascending. */
    public static final List<Integer> APTIBLE_SIZES_MB =
            List.of(512, 1024, 2048, 4096, 7168, 15360, 30720, 61440, 153600, 245760);

    /** Memory of Heroku's published dyno sizes, in GB, used when the inventory does not list sizes. */
    private static final Map<String, Double> KNOWN_GB = Map.ofEntries(
            Map.entry("free", 0.5),
            Map.entry("hobby", 0.5),
            Map.entry("eco", 0.5),
            Map.entry("basic", 0.5),
            Map.entry("standard-1x", 0.5),
            Map.entry("standard-2x", 1.0),
            Map.entry("performance-m", 2.5),
            Map.entry("performance-l", 14.0),
            Map.entry("performance-l-ram", 30.0),
            Map.entry("performance-xl", 62.0),
            Map.entry("performance-2xl", 126.0),
            Map.entry("private-s", 1.0),
            Map.entry("private-m", 2.5),
            Map.entry("private-l", 14.0),
            Map.entry("private-l-ram", 30.0),
            Map.entry("private-xl", 62.0),
            Map.entry("private-2xl", 126.0),
            Map.entry("shield-s", 1.0),
            Map.entry("shield-m", 2.5),
            Map.entry("shield-l", 14.0),
            Map.entry("shield-l-ram", 30.0),
            Map.entry("shield-xl", 62.0),
            Map.entry("shield-2xl", 126.0));

    /**
     * A container for one dyno size; {@code memoryMb} and {@code containerSizeMb} are null when the
     * size is unknown, with {@code review} saying so.
     */
    public record Container(Integer containerSizeMb, String profile, String reason, String review) {}

    private SizingRule() {}

    public static Container container(EstateDiscovered estate, String dynoSize) {
        String name = dynoSize == null ? "" : dynoSize.toLowerCase(Locale.ROOT);
        Double gb = null;
        String source = null;
        if (estate.dynoSizes() != null) {
            for (DynoSize size : estate.dynoSizes()) {
                if (size.name().equalsIgnoreCase(name)) {
                    gb = size.memoryGb();
                    source = "the inventory's dyno sizes";
                }
            }
        }
        if (gb == null && KNOWN_GB.containsKey(name)) {
            gb = KNOWN_GB.get(name);
            source = "Heroku's published dyno sizes";
        }
        String profile = profile(name);
        if (gb == null) {
            return new Container(
                    null,
                    profile,
                    "Dyno size " + dynoSize
                            + " is unknown, so no container size is set (Aptible's default is 1024 MB).",
                    "The memory of dyno size " + dynoSize + " was not discovered; choose the container size.");
        }
        int mb = roundUp(gb);
        return new Container(
                mb,
                profile,
                "A " + dynoSize + " dyno has " + format(gb) + " GB (" + source + "); the nearest Aptible container at"
                        + " least as large is " + mb + " MB, profile " + profile + ".",
                null);
    }

    /** The smallest Aptible size holding this many GB. */
    public static int roundUp(double gb) {
        double mb = gb * 1024;
        for (int size : APTIBLE_SIZES_MB) {
            if (size >= mb - 0.5) {
                return size;
            }
        }
        return APTIBLE_SIZES_MB.get(APTIBLE_SIZES_MB.size() - 1);
    }

    static String profile(String name) {
        if (name.contains("ram") || name.contains("memory")) {
            return "r";
        }
        if (name.contains("compute")) {
            return "c";
        }
        return "m";
    }

    private static String format(double gb) {
        return gb == Math.rint(gb) ? String.valueOf((long) gb) : String.valueOf(gb);
    }
}
