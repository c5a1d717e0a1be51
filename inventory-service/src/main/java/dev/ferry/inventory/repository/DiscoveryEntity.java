package dev.ferry.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One discovery as the projection knows it. */
@Entity
@Table(name = "discovery")
public class DiscoveryEntity extends PanacheEntityBase {
    @Id
    public String id;

    public String scope;

    /** Comma-separated app names asked for. */
    @Column(name = "requested_apps")
    public String requestedApps;

    @Column(name = "requested_by")
    public String requestedBy;

    public String status;

    @Column(name = "account_email")
    public String accountEmail;

    @Column(name = "app_count")
    public int appCount;

    @Column(name = "failure_reason")
    public String failureReason;

    /** The team, for scope {@code team}. */
    public String team;

    @Column(name = "failure_app")
    public String failureApp;

    @Column(name = "failure_endpoint")
    public String failureEndpoint;

    @Column(name = "failure_status")
    public Integer failureStatus;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
