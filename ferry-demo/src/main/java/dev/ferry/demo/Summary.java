package dev.ferry.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Text the demo prints: step lines while it runs and the summary table at the end. */
public final class Summary {
    static final int MAX_CELL = 72;

    private Summary() {}

    /** A duration the way people read it: {@code 850 ms}, {@code 12.3 s}, {@code 2 min 03.4 s}. */
    public static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        if (ms < 0) {
            return "-" + human(d.negated());
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long minutes = ms / 60_000;
        return String.format(Locale.ROOT, "%d min %04.1f s", minutes, (ms - minutes * 60_000) / 1000.0);
    }

    /** {@link #human(Duration)} of milliseconds, or {@code -} when unknown. */
    public static String humanMillis(Long ms) {
        return ms == null ? "-" : human(Duration.ofMillis(ms));
    }

    /** The line printed when a step changes state, {@code since} the discovery request. */
    public static String stepLine(Duration since, StepResult step) {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT, "  [+%6s] %-9s %s (%s)", seconds(since), step.status(), step.stepId(), step.stepType()));
        switch (step.status() == null ? "" : step.status()) {
            case StepResult.RUNNING -> line.append(", attempt ").append(Math.max(1, step.attempts()));
            case StepResult.SUCCEEDED -> {
                line.append(" in ").append(humanMillis(step.durationMs()));
                if (step.summary() != null && !step.summary().isBlank()) {
                    line.append(": ").append(oneLine(step.summary()));
                }
            }
            case StepResult.FAILED -> {
                line.append(" after ")
                        .append(step.attempts())
                        .append(step.attempts() == 1 ? " attempt" : " attempts")
                        .append(" (")
                        .append(humanMillis(step.durationMs()))
                        .append(")");
                if (step.error() != null && !step.error().isBlank()) {
                    line.append(": ").append(oneLine(step.error()));
                }
            }
            default -> {}
        }
        return line.toString();
    }

    /** The plan as printed before it is approved: each step with the planner's reason. */
    public static String plan(FlowJson.PlanRef plan, List<PlannedStep> steps) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "  plan %s v%d for %s (requested by %s, %s), %d steps:%n",
                plan.id(),
                plan.version(),
                plan.environment(),
                plan.requestedBy(),
                plan.status(),
                steps.size()));
        int n = 1;
        for (PlannedStep step : steps) {
            out.append(String.format(Locale.ROOT, "  %d. %s [%s] %s%n", n++, step.id(), step.type(), step.title()));
            out.append("     why: ").append(oneLine(step.reason())).append(System.lineSeparator());
            if (!step.dependsOn().isEmpty()) {
                out.append("     after: ")
                        .append(String.join(", ", step.dependsOn()))
                        .append(System.lineSeparator());
            }
            if (!step.secretNames().isEmpty()) {
                out.append("     sealed inputs (values never shown): ")
                        .append(String.join(", ", step.secretNames()))
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** The table printed at the end of a run. */
    public static String table(DemoResult r) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("Ferry demo summary").append(nl);
        out.append("  discovery  ").append(r.discoveryId()).append(nl);
        out.append("  plan       ")
                .append(r.planId())
                .append(" v")
                .append(r.planVersion())
                .append(" -> ")
                .append(r.environment())
                .append(" (")
                .append(r.planSteps().size())
                .append(" steps)")
                .append(nl);
        out.append("  migration  ")
                .append(r.migrationId())
                .append(" ")
                .append(r.migrationStatus().toUpperCase(Locale.ROOT))
                .append(nl);
        out.append("  slack      ")
                .append(r.slackMessages())
                .append(r.slackMessages() == 1 ? " message" : " messages")
                .append(" about the migration")
                .append(nl)
                .append(nl);

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("STEP", "TYPE", "STATUS", "ATTEMPTS", "DURATION", "SUMMARY"));
        for (StepResult s : r.steps()) {
            String detail = StepResult.FAILED.equals(s.status()) ? s.error() : s.summary();
            rows.add(List.of(
                    cell(s.stepId()),
                    cell(s.stepType()),
                    cell(s.status()),
                    Integer.toString(s.attempts()),
                    humanMillis(s.durationMs()),
                    cell(detail)));
        }
        out.append(columns(rows, "  ")).append(nl);

        rows = new ArrayList<>();
        rows.add(List.of("MILESTONE", "AFTER DISCOVERY REQUEST"));
        List<DemoResult.Milestone> byTime = new ArrayList<>(r.milestones());
        // Stable: stages observed at the same moment keep their order.
        byTime.sort(Comparator.comparing(DemoResult.Milestone::at));
        for (DemoResult.Milestone m : byTime) {
            rows.add(List.of(m.name(), human(m.at())));
        }
        out.append(columns(rows, "  ")).append(nl);
        out.append("  Wall time from discovery request to last Slack message: ")
                .append(human(r.wallTime()))
                .append(nl);
        return out.toString();
    }

    /** Left-aligned columns as wide as their widest cell, the last one unpadded. */
    static String columns(List<List<String>> rows, String indent) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[width];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    static String cell(String s) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        return FlowJson.abbreviate(s, MAX_CELL);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
