package dev.ferry.simulator.aptible.domain;

import java.time.Instant;

/**
 * A managed database in an account. {@code connectionUrl} is set once a provision operation succeeds;
 * {@code backingRef} names the real local database or Redis index behind it, when the simulator has one.
 */
public record Database(
        long id,
        long accountId,
        String handle,
        String type,
        long imageId,
        long credentialId,
        ProvisionStatus status,
        int diskSizeGb,
        int containerSizeMb,
        String connectionUrl,
        String backingRef,
        Long lastOperationId,
        Long initializeFrom,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) {

    public Database withStatus(ProvisionStatus newStatus, Instant now) {
        return new Database(
                id,
                accountId,
                handle,
                type,
                imageId,
                credentialId,
                newStatus,
                diskSizeGb,
                containerSizeMb,
                connectionUrl,
                backingRef,
                lastOperationId,
                initializeFrom,
                deleted,
                createdAt,
                now);
    }

    public Database withOperation(long operationId) {
        return new Database(
                id,
                accountId,
                handle,
                type,
                imageId,
                credentialId,
                status,
                diskSizeGb,
                containerSizeMb,
                connectionUrl,
                backingRef,
                operationId,
                initializeFrom,
                deleted,
                createdAt,
                updatedAt);
    }

    public Database provisioned(String url, String backing, int diskGb, int containerMb, Instant now) {
        return new Database(
                id,
                accountId,
                handle,
                type,
                imageId,
                credentialId,
                ProvisionStatus.PROVISIONED,
                diskGb,
                containerMb,
                url,
                backing,
                lastOperationId,
                initializeFrom,
                deleted,
                createdAt,
                now);
    }

    public Database resized(int diskGb, int containerMb, Instant now) {
        return new Database(
                id,
                accountId,
                handle,
                type,
                imageId,
                credentialId,
                status,
                diskGb,
                containerMb,
                connectionUrl,
                backingRef,
                lastOperationId,
                initializeFrom,
                deleted,
                createdAt,
                now);
    }

    public Database markDeleted(Instant now) {
        return new Database(
                id,
                accountId,
                handle,
                type,
                imageId,
                credentialId,
                ProvisionStatus.DEPROVISIONED,
                diskSizeGb,
                containerSizeMb,
                connectionUrl,
                backingRef,
                lastOperationId,
                initializeFrom,
                true,
                createdAt,
                now);
    }
}
