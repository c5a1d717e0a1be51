package dev.ferry.notifier.repository;

import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.notification.SubscriptionSaved;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads the subscriptions projection (written by {@code NotifierProjection} from ferry.notifications). */
@ApplicationScoped
public class SubscriptionStore {
    private final Jdbc jdbc;

    public SubscriptionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<SubscriptionSaved> all() {
        return jdbc.query(
                "select body from subscription order by saved_at, subscription_id",
                rs -> ProjectionJson.read(rs.getString(1), SubscriptionSaved.class));
    }

    public Optional<SubscriptionSaved> find(String id) {
        return jdbc
                .query(
                        "select body from subscription where subscription_id = ?",
                        rs -> ProjectionJson.read(rs.getString(1), SubscriptionSaved.class),
                        id)
                .stream()
                .findFirst();
    }

    /** The subscription a posted message (by its Slack ts) was delivered for, from the delivery history. */
    public Optional<String> subscriptionOfMessage(String channelId, String ts) {
        return jdbc
                .query(
                        "select subscription_id from delivery where message_ts = ? and subscription_id is not null"
                                + " order by finished_at desc limit 1",
                        rs -> rs.getString(1),
                        ts)
                .stream()
                .findFirst();
    }
}
