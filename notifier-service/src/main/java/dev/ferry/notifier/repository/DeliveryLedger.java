package dev.ferry.notifier.repository;

import dev.ferry.notifier.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The notifier's dedupe ledger and per-channel queue ({@code delivery_claim}): a delivery is posted
 * only by the lane that moved its claim from {@code queued} to {@code sending}, and a claim is
 * inserted only once per event and subscription, so an event consumed twice (a restart, a
 * rebalance) is announced at most once per subscription.
 *
 * <p>Not part of the deliveries projection: it records intents, written before Slack is called.
 * A projection rebuild never touches it.
 */
@ApplicationScoped
public class DeliveryLedger {
    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String DELIVERED = "delivered";
    public static final String PARKED = "parked";
    public static final String UNKNOWN = "unknown";

    private final Jdbc jdbc;

    public DeliveryLedger(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the claim as queued; true only for the caller that inserted it. */
    public boolean claim(Delivery d, String channel) {
        return jdbc.update(
                        "insert into delivery_claim (delivery_id, source_event_id, source_event_type, channel,"
                                + " subscription_id, lane, kind, migration_id, text, message, status, updated_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', now()) on conflict do nothing",
                        d.deliveryId(),
                        d.sourceEventId(),
                        d.sourceEventType(),
                        channel,
                        d.subscriptionId(),
                        d.lane(),
                        d.kind(),
                        d.migrationId(),
                        d.text(),
                        d.messageJson())
                == 1;
    }

    /** Moves a queued claim to sending; false when it was taken before (it must not be posted). */
    public boolean take(String deliveryId) {
        return jdbc.update(
                        "update delivery_claim set status = 'sending', updated_at = now()"
                                + " where delivery_id = ? and status = 'queued'",
                        deliveryId)
                == 1;
    }

    public void finish(String deliveryId, String status) {
        jdbc.update(
                "update delivery_claim set status = ?, updated_at = now() where delivery_id = ?", status, deliveryId);
    }

    /** Claims never attempted, oldest first: safe to send after a restart. */
    public List<Delivery> queued() {
        return jdbc.query(
                "select delivery_id, subscription_id, lane, source_event_id, source_event_type, kind, migration_id,"
                        + " text, message from delivery_claim where status = 'queued' order by claimed_at, delivery_id",
                rs -> new Delivery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)));
    }

    /** Claims a previous run was posting when it stopped: whether Slack got them is unknown. */
    public List<Delivery> interrupted() {
        return jdbc.query(
                "select delivery_id, subscription_id, lane, source_event_id, source_event_type, kind, migration_id,"
                        + " text, message from delivery_claim where status = 'sending'",
                rs -> new Delivery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)));
    }

    /** How many claims are in each status, for the queue view. */
    public List<Object[]> counts() {
        return jdbc.query("select status, count(*) from delivery_claim group by status order by status", rs ->
                new Object[] {rs.getString(1), rs.getLong(2)});
    }
}
