package dev.ferry.simulator.aptible.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A managed database in an account. {@code connectionUrl} is set once a provision operation succeeds;
 * {@code backingRef} names the real local database or Redis index behind it, when the simulator has one.
 * {@code tlsCredentialId} is the id of a Redis database's {@code redis+ssl} credential, null for other types.
 */
public record Database(
        long id,
        long accountId,
        String handle,
        String type,
        long imageId,
        long credentialId,
        Long tlsCredentialId,
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
                tlsCredentialId,
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
                tlsCredentialId,
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
                tlsCredentialId,
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
                tlsCredentialId,
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
                tlsCredentialId,
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

    /**
     * The database's credentials: the default one, then for Redis the TLS one (not default), whose URL is the
     * default URL with the {@code rediss://} scheme; the simulator's backing Redis does not speak TLS, so that URL
     * only has the real one's shape.
     */
    public List<DatabaseCredential> credentials() {
        List<DatabaseCredential> credentials = new ArrayList<>();
        credentials.add(new DatabaseCredential(credentialId, id, type, true, connectionUrl, createdAt, updatedAt));
        if (tlsCredentialId != null) {
            String tls = connectionUrl == null ? null : connectionUrl.replaceFirst("^redis://", "rediss://");
            credentials.add(new DatabaseCredential(
                    tlsCredentialId, id, DatabaseCredential.REDIS_TLS, false, tls, createdAt, updatedAt));
        }
        return credentials;
    }
}
