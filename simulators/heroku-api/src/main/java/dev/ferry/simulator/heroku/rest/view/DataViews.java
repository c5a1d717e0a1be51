package dev.ferry.simulator.heroku.rest.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.service.Transfer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bodies of the Heroku Data API ({@code api.data.heroku.com}): Postgres database info, Redis
 * database info and config, and PG Backups transfers. The Data API publishes no schema; the shapes
 * follow what the Heroku CLI reads.
 */
public final class DataViews {

    private DataViews() {}

    /** One {@code info[]} row as {@code pg:info} and {@code redis:info} print it. */
    public record InfoRow(String name, List<String> values) {}

    /** A formation of the data service. */
    public record DataFormation(UUID id, String primary) {}

    /** {@code GET /client/v11/databases/{addon}}. */
    public record PostgresDatabaseView(
            UUID addonId,
            String name,
            String plan,
            String databaseName,
            String databaseUser,
            String resourceUrl,
            long numBytes,
            int numTables,
            int numConnections,
            String postgresVersion,
            String following,
            String leader,
            DataFormation formation,
            int credentials,
            @JsonProperty("waiting?") boolean waiting,
            boolean availableForIngress,
            boolean isInRecovery,
            List<InfoRow> info) {

        public static PostgresDatabaseView of(AddOn a) {
            var d = a.data();
            String plan = a.plan().substring(a.plan().indexOf(':') + 1);
            return new PostgresDatabaseView(
                    a.id(),
                    a.name(),
                    plan,
                    "d" + a.id().toString().replace("-", "").substring(0, 13),
                    "u" + a.id().toString().replace("-", "").substring(13, 26),
                    "postgres://ec2-0-0-0-0.compute-1.amazonaws.com:5432/" + a.name(),
                    d.numBytes(),
                    d.numTables(),
                    3,
                    d.version(),
                    null,
                    null,
                    new DataFormation(a.id(), null),
                    1,
                    false,
                    true,
                    false,
                    List.of(
                            new InfoRow("Plan", List.of(capitalise(plan))),
                            new InfoRow("Status", List.of("Available")),
                            new InfoRow("Data Size", List.of(humanBytes(d.numBytes()))),
                            new InfoRow("Tables", List.of(Integer.toString(d.numTables()))),
                            new InfoRow("PG Version", List.of(d.version())),
                            new InfoRow("Followers", d.followers()),
                            new InfoRow("Region", List.of("us-east-1"))));
        }
    }

    /** {@code GET /redis/v0/databases/{addon}}. */
    public record RedisDatabaseView(
            UUID addonId,
            String name,
            String plan,
            String version,
            int port,
            String resourceUrl,
            boolean preferNativeTls,
            DataFormation formation,
            List<InfoRow> info) {

        public static RedisDatabaseView of(AddOn a) {
            var d = a.data();
            String plan = a.plan().substring(a.plan().indexOf(':') + 1);
            return new RedisDatabaseView(
                    a.id(),
                    a.name(),
                    plan,
                    d.version(),
                    Boolean.TRUE.equals(d.tls()) ? 6380 : 6379,
                    a.name(),
                    Boolean.TRUE.equals(d.tls()),
                    new DataFormation(a.id(), null),
                    List.of(
                            new InfoRow("Plan", List.of(capitalise(plan))),
                            new InfoRow("Status", List.of("available")),
                            new InfoRow("Version", List.of(d.version())),
                            new InfoRow("Maxmemory", List.of(d.maxmemoryPolicy())),
                            new InfoRow("TLS", List.of(Boolean.TRUE.equals(d.tls()) ? "required" : "optional"))));
        }
    }

    /** {@code GET /redis/v0/databases/{addon}/config}. */
    public static Map<String, Object> redisConfig(AddOn a) {
        return Map.of(
                "maxmemory_policy",
                Map.of(
                        "value", a.data().maxmemoryPolicy(),
                        "default", "noeviction",
                        "desc", "Sets the key eviction policy used when data reaches the memory limit."),
                "timeout",
                Map.of("value", 300, "default", 300, "desc", "Seconds before an idle connection is closed."));
    }

    /** A PG Backups transfer. */
    public record TransferView(
            UUID uuid,
            int num,
            String fromName,
            String fromType,
            String toName,
            String toType,
            long sourceBytes,
            long processedBytes,
            boolean succeeded,
            int warnings,
            String createdAt,
            String startedAt,
            String finishedAt,
            String canceledAt,
            String deletedAt,
            String purgedAt,
            int numKeep,
            Object schedule,
            Map<String, Object> options,
            List<String> logs) {

        public static TransferView of(Transfer t, java.time.Instant now) {
            boolean done = !now.isBefore(t.finishesAt());
            return new TransferView(
                    t.uuid(),
                    t.num(),
                    t.addOnName(),
                    "pg_dump",
                    "b" + String.format("%03d", t.num()),
                    "gof3r",
                    t.sourceBytes(),
                    done ? t.sourceBytes() : t.sourceBytes() / 2,
                    done,
                    0,
                    Times.format(t.createdAt()),
                    Times.format(t.createdAt()),
                    done ? Times.format(t.finishesAt()) : null,
                    null,
                    null,
                    null,
                    25,
                    null,
                    Map.of(),
                    List.of());
        }
    }

    static String capitalise(String plan) {
        return plan.isEmpty() ? plan : Character.toUpperCase(plan.charAt(0)) + plan.substring(1);
    }

    static String humanBytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
