package dev.ferry.notifier.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Each migration's parent message per subscription ({@code migration_thread}), so step messages go
 * into its thread. Written right after Slack answered the parent's post; the first message about a
 * migration becomes its parent.
 */
@ApplicationScoped
public class ThreadLedger {
    private final Jdbc jdbc;

    public ThreadLedger(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The parent message of a migration in a subscription's channel. */
    public record Thread(String channelId, String ts) {}

    public Optional<Thread> find(String subscriptionId, String migrationId) {
        return jdbc
                .query(
                        "select channel_id, thread_ts from migration_thread where subscription_id = ? and migration_id = ?",
                        rs -> new Thread(rs.getString(1), rs.getString(2)),
                        subscriptionId,
                        migrationId)
                .stream()
                .findFirst();
    }

    public void save(String subscriptionId, String migrationId, String channelId, String ts) {
        jdbc.update(
                "insert into migration_thread (subscription_id, migration_id, channel_id, thread_ts)"
                        + " values (?, ?, ?, ?) on conflict do nothing",
                subscriptionId,
                migrationId,
                channelId,
                ts);
    }
}
