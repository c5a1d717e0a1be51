package dev.ferry.planner.bench;

import dev.ferry.events.EventCodec;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.planner.RandomEstates;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.planner.domain.PlannerSettings;
import dev.ferry.planner.domain.render.PlanFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Plans a 1,000-app estate and prints the time and memory it takes: the first (cold) plan, the
 * median of ten warm plans, the bytes allocated by one plan, the heap retained by the plan, and the
 * rendering of every file and the runbook. Run with {@code -Pbench}; excluded from the normal build.
 */
class PlannerBench {
    private static final int APPS = 1_000;
    private static final int RUNS = 10;

    @Test
    void planAThousandApps() throws Exception {
        EstateDiscovered estate = RandomEstates.estate(42, APPS);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        System.gc();
        long heapBefore = usedHeap();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        PlanProposed first = PlanRules.propose(estate, PlanRules.ACCOUNT_SCOPE, PlannerSettings.defaults(), 1, null);
        long coldNanos = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        System.gc();
        long retained = usedHeap() - heapBefore;

        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            PlanProposed again =
                    PlanRules.propose(estate, PlanRules.ACCOUNT_SCOPE, PlannerSettings.defaults(), 1, null);
            warm.add(System.nanoTime() - t);
            if (!again.planHash().equals(first.planHash())) {
                throw new AssertionError("The plan changed between runs");
            }
        }
        Collections.sort(warm);

        long renderStart = System.nanoTime();
        PlanDocument document = PlanDocument.of(first);
        long bytes = 0;
        int files = 0;
        for (PlanFiles.FileRef file : PlanFiles.list(document)) {
            bytes += PlanFiles.render(document, file.app(), file.name())
                    .orElseThrow()
                    .length();
            files++;
        }
        long renderNanos = System.nanoTime() - renderStart;
        int eventBytes = EventCodec.toJson(first).length();
        long reviews =
                first.steps().stream().filter(s -> s.needsReview() != null).count();
        long waves = first.steps().stream()
                .map(s -> s.wave())
                .filter(w -> w != null)
                .distinct()
                .count();

        String report = String.join(
                "\n",
                "== Planner benchmark ==",
                String.format(
                        Locale.ROOT,
                        "estate: %d apps (RandomEstates seed 42), %d steps, %d waves, %d steps"
                                + " need review, %d fidelity items",
                        APPS,
                        first.steps().size(),
                        waves,
                        reviews,
                        first.fidelity().size()),
                String.format(Locale.ROOT, "cold plan (first call in the JVM): %.0f ms", coldNanos / 1e6),
                String.format(
                        Locale.ROOT,
                        "warm plan, median of %d: %.0f ms (min %.0f, max %.0f)",
                        RUNS,
                        warm.get(RUNS / 2) / 1e6,
                        warm.get(0) / 1e6,
                        warm.get(RUNS - 1) / 1e6),
                String.format(
                        Locale.ROOT,
                        "allocated by the cold plan: %.0f MB; heap retained by it: %.1f MB;" + " max heap %d MB",
                        allocated / 1e6,
                        retained / 1e6,
                        Runtime.getRuntime().maxMemory() / 1_000_000),
                String.format(Locale.ROOT, "PlanProposed as JSON: %.1f MB", eventBytes / 1e6),
                String.format(
                        Locale.ROOT,
                        "render %d files and the runbook: %.0f ms, %.1f MB of text",
                        files,
                        renderNanos / 1e6,
                        bytes / 1e6),
                "target: plan under 2,000 ms -> " + (coldNanos / 1e6 < 2000 ? "met" : "MISSED"));
        System.out.println(report);
        Path out = Path.of("target", "bench", "planner.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
