package dev.ferry.rekey;

import static dev.ferry.rekey.EventLogFixture.ENV_K1_TO_K2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testkit.LocalKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How fast the re-key runs: seeds the five topics with real Ferry events ({@link EventLogFixture}, 8
 * events per aggregate) on an in-process broker, then times the dry run, the staging (re-seal, copy,
 * verify) and the commit (replace, copy back, verify). Run with -Pbench or bench/rekey.sh.
 */
class RekeyBench {
    @Test
    void reKeyAHundredThousandEvents() throws Exception {
        int events = Integer.getInteger("rekey.bench.events", 100_000);
        int aggregates = events / 8;
        Path report = Path.of("target", "bench", "rekey.txt");
        Files.createDirectories(report.getParent());
        List<String> lines = new ArrayList<>();
        try (LocalKafka kafka = LocalKafka.start(Path.of("target", "kafka-bench"))) {
            long t0 = System.nanoTime();
            EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "").seed(aggregates);
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            long records = (long) aggregates * 8;
            long sealed = (long) aggregates * 7; // k1 values: 5 inventory, 1 plan, 1 subscription (one more is k2)
            lines.add(String.format(
                    Locale.ROOT,
                    "seeded %,d events (%,d sealed under k1, %,d under k2) in %.1f s",
                    records,
                    sealed,
                    aggregates,
                    seedSeconds));

            double dry = timed(kafka, lines, "dry run (read, count, open every old value)", records, "--dry-run");
            double stage = timed(kafka, lines, "stage (re-seal + copy + verify)", records);
            double commit = timed(kafka, lines, "commit (replace originals: copy back + verify)", records, "--commit");
            lines.add(String.format(
                    Locale.ROOT,
                    "re-key end to end (stage + commit): %,d events in %.1f s = %,.0f events/s,"
                            + " %,.0f sealed values/s",
                    records,
                    stage + commit,
                    records / (stage + commit),
                    sealed / (stage + commit)));
            lines.add(String.format(Locale.ROOT, "dry run alone: %,.0f events/s", records / dry));
            lines.add(String.format(
                    Locale.ROOT,
                    "machine: %d cores, load %s",
                    Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).trim()));
        }
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }

    private static double timed(LocalKafka kafka, List<String> lines, String what, long records, String... flags) {
        List<String> args = new ArrayList<>(List.of("--bootstrap", kafka.bootstrapServers()));
        args.addAll(List.of(flags));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            status = RekeyMain.run(args.toArray(String[]::new), ENV_K1_TO_K2, o, o, Rekeyer.Checkpoints.NONE);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String output = out.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(status).as(output).isZero();
        lines.add(String.format(
                Locale.ROOT, "%s: %,d events in %.1f s = %,.0f events/s", what, records, seconds, records / seconds));
        return seconds;
    }
}
