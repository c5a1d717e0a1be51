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
 * median of warm plans, wall and CPU time (the machine's cores are shared, so CPU time is the fair
 * number), the bytes allocated by one plan, the heap it retains, and rendering every file. Run with
 * {@code -Pbench}; excluded from the normal build.
 */
class PlannerBench {
    private static final int APPS = 1_000;
    private static final int RUNS = 5;

    @Test
    void planAThousandApps() throws Exception {
        EstateDiscovered estate = RandomEstates.estate(42, APPS);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        System.gc();
        long heapBefore = usedHeap();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        PlanProposed first = plan(estate);
        long coldWall = System.nanoTime() - start;
        long coldCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        System.gc();
        long retained = usedHeap() - heapBefore;

        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            PlanProposed again = plan(estate);
            wall.add(System.nanoTime() - t);
            cpu.add(threads.getCurrentThreadCpuTime() - c);
            if (!again.planHash().equals(first.planHash())) {
                throw new AssertionError("The plan changed between runs");
            }
        }
        Collections.sort(wall);
        Collections.sort(cpu);

        long renderStart = System.nanoTime();
        long renderCpuStart = threads.getCurrentThreadCpuTime();
        var files = PlanFiles.renderAll(PlanDocument.of(first));
        long renderWall = System.nanoTime() - renderStart;
        long renderCpu = threads.getCurrentThreadCpuTime() - renderCpuStart;
        long bytes = files.values().stream().mapToLong(String::length).sum();
        int eventBytes = EventCodec.toJson(first).length();
        long reviews =
                first.steps().stream().filter(s -> s.needsReview() != null).count();
        long waves = first.steps().stream()
                .map(s -> s.wave())
                .filter(w -> w != null)
                .distinct()
                .count();
        double warmWall = wall.get(RUNS / 2) / 1e6;
        double warmCpu = cpu.get(RUNS / 2) / 1e6;

        String report = String.join(
                "\n",
                "== Planner benchmark ==",
                String.format(
                        Locale.ROOT,
                        "estate: %d apps (RandomEstates seed 42), %d steps, %d waves, %d steps need review, %d"
                                + " fidelity items",
                        APPS,
                        first.steps().size(),
                        waves,
                        reviews,
                        first.fidelity().size()),
                String.format(
                        Locale.ROOT,
                        "machine: %d cores, load average %.1f when the plans ran",
                        Runtime.getRuntime().availableProcessors(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                String.format(
                        Locale.ROOT,
                        "cold plan (first in the JVM): %.0f ms wall, %.0f ms CPU",
                        coldWall / 1e6,
                        coldCpu / 1e6),
                String.format(
                        Locale.ROOT,
                        "warm plan, median of %d: %.0f ms wall (min %.0f, max %.0f), %.0f ms CPU (min %.0f)",
                        RUNS,
                        warmWall,
                        wall.get(0) / 1e6,
                        wall.get(RUNS - 1) / 1e6,
                        warmCpu,
                        cpu.get(0) / 1e6),
                String.format(
                        Locale.ROOT,
                        "memory: %.0f MB allocated by the cold plan, %.1f MB of heap retained by it (max heap %d MB)",
                        allocated / 1e6,
                        retained / 1e6,
                        Runtime.getRuntime().maxMemory() / 1_000_000),
                String.format(Locale.ROOT, "PlanProposed as JSON: %.1f MB", eventBytes / 1e6),
                String.format(
                        Locale.ROOT,
                        "render %d files (runbook included): %.0f ms wall, %.0f ms CPU, %.1f MB of text",
                        files.size(),
                        renderWall / 1e6,
                        renderCpu / 1e6,
                        bytes / 1e6),
                String.format(
                        Locale.ROOT,
                        "target 2,000 ms per plan: cold wall %s, cold CPU %s, warm CPU %s, warm wall %s",
                        coldWall / 1e6 < 2000 ? "met" : "MISSED",
                        coldCpu / 1e6 < 2000 ? "met" : "MISSED",
                        warmCpu < 2000 ? "met" : "MISSED",
                        warmWall < 2000 ? "met" : "MISSED"));
        System.out.println(report);
        Path out = Path.of("target", "bench", "planner.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    private static PlanProposed plan(EstateDiscovered estate) {
        return PlanRules.propose(estate, PlanRules.ACCOUNT_SCOPE, PlannerSettings.defaults(), 1, null);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
