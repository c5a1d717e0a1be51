package dev.ferry.notifier.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.EventIds;
import dev.ferry.events.migration.StepSucceeded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Drives the benchmark: appends step events to ferry.migrations at a steady rate (one producer,
 * as the executor would), then reads what the Slack receiver got and when, and prints latency from
 * append to receipt and the messages per second sustained.
 */
final class DeliveryLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrap;
    private final String receiverUrl;

    DeliveryLoad(String bootstrap, String receiverUrl) {
        this.bootstrap = bootstrap;
        this.receiverUrl = receiverUrl;
    }

    /** What one run measured. */
    record Result(
            String name,
            int sent,
            double sendSeconds,
            int received,
            int receivedInWindow,
            double windowSeconds,
            long medianMs,
            long p90Ms,
            long p99Ms,
            long maxMs,
            long refused429) {

        String report() {
            return String.format(
                    Locale.ROOT,
                    "%-44s sent %5d in %5.1f s (%.1f/s) | received %5d | in window %5d = %6.1f msg/s |"
                            + " latency median %5d ms, p90 %5d ms, p99 %6d ms, max %6d ms | 429s %d",
                    name,
                    sent,
                    sendSeconds,
                    sent / sendSeconds,
                    received,
                    receivedInWindow,
                    receivedInWindow / windowSeconds,
                    medianMs,
                    p90Ms,
                    p99Ms,
                    maxMs,
                    refused429);
        }
    }

    /**
     * Appends {@code rate} events a second for {@code seconds}, spread over the migrations, then
     * waits up to {@code drain} for the receiver to get them.
     */
    Result run(String name, List<String> migrations, int rate, int seconds, Duration drain) throws Exception {
        String run = EventIds.random().substring(0, 8);
        int total = rate * seconds;
        Instant[] sentAt = new Instant[total];
        long periodNanos = 1_000_000_000L / rate;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String migration = migrations.get(i % migrations.size());
                StepSucceeded step = new StepSucceeded(
                        migration,
                        "bench-" + run + "-" + i,
                        "ensure-app",
                        "bench step " + i,
                        Map.of(),
                        5,
                        Instant.now());
                CloudEvent event = CloudEvent.of(EventIds.random(), "/ferry/executor", step, Instant.now());
                sentAt[i] = event.time();
                producer.send(EventCodec.toRecord(event));
            }
            producer.flush();
        }
        Instant firstSent = sentAt[0];
        Instant lastSent = sentAt[total - 1];
        double sendSeconds =
                Math.max(0.001, Duration.between(firstSent, lastSent).toMillis() / 1000.0);

        Instant deadline = Instant.now().plus(drain);
        List<Received> got = received(run);
        while (got.size() < total && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            got = received(run);
        }
        List<Long> latencies = new ArrayList<>();
        int inWindow = 0;
        Instant windowEnd = lastSent.plusSeconds(1);
        for (Received r : got) {
            latencies.add(Duration.between(sentAt[r.index()], r.at()).toMillis());
            if (!r.at().isAfter(windowEnd)) {
                inWindow++;
            }
        }
        Collections.sort(latencies);
        long refused = given().auth()
                .none()
                .baseUri(receiverUrl)
                .get("/_receiver/rate-limit")
                .jsonPath()
                .getLong("refused");
        return new Result(
                name,
                total,
                sendSeconds,
                got.size(),
                inWindow,
                Duration.between(firstSent, windowEnd).toMillis() / 1000.0,
                percentile(latencies, 50),
                percentile(latencies, 90),
                percentile(latencies, 99),
                latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1),
                refused);
    }

    private record Received(int index, Instant at) {}

    private List<Received> received(String run) throws IOException {
        String body = given().auth()
                .none()
                .baseUri(receiverUrl)
                .get("/_receiver/messages")
                .then()
                .extract()
                .asString();
        Pattern step = Pattern.compile("bench-" + run + "-(\\d+)");
        List<Received> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(body)) {
            Matcher match = step.matcher(m.path("payload").path("text").asText());
            if (match.find()) {
                out.add(new Received(
                        Integer.parseInt(match.group(1)),
                        Instant.parse(m.path("receivedAt").asText())));
            }
        }
        return out;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static void write(String file, String report) throws IOException {
        Path out = Path.of("target", "bench", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
