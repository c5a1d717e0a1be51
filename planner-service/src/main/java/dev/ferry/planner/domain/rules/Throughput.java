package dev.ferry.planner.domain.rules;

import dev.ferry.planner.domain.CopyMeasurement;
import dev.ferry.planner.domain.PlannerSettings;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The copy throughput a maintenance window is predicted from, with its safety factor and, for the
 * step's reason, where the number came from: a measured copy of the same add-on, the median of the
 * estate's recent measured copies, or the configured anchor.
 *
 * @param source for people, e.g. "a measured copy: 41 MB/s on migration m-1 at 2026-11-20T10:00:00Z"
 * @param factorSetting the setting the safety factor comes from
 */
public record Throughput(long bytesPerSecond, double safetyFactor, String source, String factorSetting) {

    /** How many of the estate's most recent measured copies the median is taken over. */
    public static final int RECENT = 5;

    public static Throughput configured(PlannerSettings settings) {
        return new Throughput(
                settings.copyBytesPerSecond(),
                settings.copySafetyFactor(),
                "the configured " + rate(settings.copyBytesPerSecond()) + " (planner.copy.bytes-per-second)",
                "planner.copy.safety-factor");
    }

    /**
     * The most recent measured copy of this add-on; else the median of the estate's most recent
     * measured copies; else the configured throughput. Copies under {@code minMeasuredBytes} are
     * ignored: a tiny staging database copies too fast to tell.
     */
    public static Throughput choose(PlannerSettings settings, List<CopyMeasurement> measurements, String addon) {
        List<CopyMeasurement> usable = measurements.stream()
                .filter(m -> m.bytes() >= settings.minMeasuredBytes() && m.bytesPerSecond() > 0)
                .sorted(CopyMeasurement.ORDER)
                .toList();
        Optional<CopyMeasurement> same =
                usable.stream().filter(m -> addon.equals(m.sourceAddon())).reduce((a, b) -> b);
        if (same.isPresent()) {
            CopyMeasurement m = same.get();
            return measured(
                    settings, m.bytesPerSecond(), "a measured copy: " + rate(m.bytesPerSecond()) + " on " + where(m));
        }
        if (usable.isEmpty()) {
            return configured(settings);
        }
        List<CopyMeasurement> recent = usable.subList(Math.max(0, usable.size() - RECENT), usable.size());
        CopyMeasurement latest = recent.get(recent.size() - 1);
        if (recent.size() == 1) {
            return measured(
                    settings,
                    latest.bytesPerSecond(),
                    "a measured copy of another database of this estate: " + rate(latest.bytesPerSecond()) + " on "
                            + where(latest));
        }
        long median = median(recent);
        return measured(
                settings,
                median,
                "the median of this estate's " + recent.size() + " most recent measured copies: " + rate(median)
                        + " (migrations "
                        + String.join(
                                ", ",
                                recent.stream()
                                        .map(CopyMeasurement::migrationId)
                                        .distinct()
                                        .toList())
                        + "; the latest at " + time(latest) + ")");
    }

    private static Throughput measured(PlannerSettings settings, long bytesPerSecond, String source) {
        return new Throughput(
                bytesPerSecond, settings.measuredSafetyFactor(), source, "planner.copy.measured-safety-factor");
    }

    static long median(List<CopyMeasurement> measurements) {
        List<Long> rates = measurements.stream()
                .map(CopyMeasurement::bytesPerSecond)
                .sorted(Comparator.naturalOrder())
                .toList();
        int middle = rates.size() / 2;
        return rates.size() % 2 == 1 ? rates.get(middle) : (rates.get(middle - 1) + rates.get(middle)) / 2;
    }

    private static String where(CopyMeasurement m) {
        return "migration " + m.migrationId() + " at " + time(m);
    }

    private static String time(CopyMeasurement m) {
        return m.measuredAt().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Megabytes per second, whole above 10 MB/s, else to one decimal. */
    static String rate(long bytesPerSecond) {
        return bytesPerSecond >= 10_000_000L
                ? bytesPerSecond / 1_000_000 + " MB/s"
                : String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
    }
}
