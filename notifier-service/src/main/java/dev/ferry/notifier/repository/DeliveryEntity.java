package dev.ferry.notifier.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One delivery as the projection knows it from ferry.notifications. */
@Entity
@Table(name = "delivery")
public class DeliveryEntity extends PanacheEntityBase {
    @Id
    @Column(name = "delivery_id")
    public String deliveryId;

    /** {@code delivered} or {@code parked} (the last attempt failed). */
    public String status;

    @Column(name = "source_event_id")
    public String sourceEventId;

    @Column(name = "source_event_type")
    public String sourceEventType;

    @Column(name = "migration_id")
    public String migrationId;

    /** The channel name; the webhook URL is never stored. */
    public String channel;

    public String text;

    public String error;

    public int attempts;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "message_ts")
    public String messageTs;

    @Column(name = "thread_ts")
    public String threadTs;
}
