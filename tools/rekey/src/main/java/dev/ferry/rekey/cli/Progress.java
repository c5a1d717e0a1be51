package dev.ferry.rekey.cli;

import java.io.PrintStream;
import java.util.Locale;

/** Prints what a long step is doing every few seconds and what it did at the end: records and records per second. */
public final class Progress {
    private static final long EVERY_NANOS = 3_000_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private long done;

    public Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    public void add(long records) {
        done += records;
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            String of = total < 0 ? "" : String.format(Locale.ROOT, "/%,d", total);
            out.printf(Locale.ROOT, "  %s: %,d%s records, %,.0f records/s%n", label, done, of, rate(now));
        }
    }

    /** Prints the closing line and returns the records per second. */
    public double finish(String what) {
        long now = System.nanoTime();
        double seconds = (now - started) / 1e9;
        double rate = rate(now);
        out.printf(Locale.ROOT, "  %s: %s %,d records in %.1f s, %,.0f records/s%n", label, what, done, seconds, rate);
        return rate;
    }

    public long done() {
        return done;
    }

    private double rate(long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        return done / seconds;
    }
}
