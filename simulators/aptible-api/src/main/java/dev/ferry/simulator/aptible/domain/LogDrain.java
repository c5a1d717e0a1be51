package dev.ferry.simulator.aptible.domain;

import java.time.Instant;

/** Where an account's logs are shipped; provisioned and deprovisioned by operations. */
public record LogDrain(
        long id,
        long accountId,
        String handle,
        String drainType,
        String drainHost,
        String drainPort,
        String url,
        String loggingToken,
        String drainUsername,
        boolean drainApps,
        boolean drainDatabases,
        boolean drainEphemeralSessions,
        boolean drainProxies,
        ProvisionStatus status,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) {

    public LogDrain withStatus(ProvisionStatus newStatus, Instant now) {
        return new LogDrain(
                id,
                accountId,
                handle,
                drainType,
                drainHost,
                drainPort,
                url,
                loggingToken,
                drainUsername,
                drainApps,
                drainDatabases,
                drainEphemeralSessions,
                drainProxies,
                newStatus,
                deleted,
                createdAt,
                now);
    }

    public LogDrain markDeleted(Instant now) {
        return new LogDrain(
                id,
                accountId,
                handle,
                drainType,
                drainHost,
                drainPort,
                url,
                loggingToken,
                drainUsername,
                drainApps,
                drainDatabases,
                drainEphemeralSessions,
                drainProxies,
                ProvisionStatus.DEPROVISIONED,
                true,
                createdAt,
                now);
    }
}
