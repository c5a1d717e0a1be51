package dev.ferry.simulator.aptible.domain;

import java.time.Instant;

/** An app inside an account; deleted apps stay stored but answer 404. */
public record App(
        long id,
        long accountId,
        String handle,
        ProvisionStatus status,
        String deploymentMethod,
        Long currentConfigurationId,
        Long lastOperationId,
        Long lastDeployOperationId,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) {

    public static App created(long id, long accountId, String handle, Instant now) {
        return new App(id, accountId, handle, ProvisionStatus.PENDING, null, null, null, null, false, now, now);
    }

    public App withStatus(ProvisionStatus newStatus, Instant now) {
        return new App(
                id,
                accountId,
                handle,
                newStatus,
                deploymentMethod,
                currentConfigurationId,
                lastOperationId,
                lastDeployOperationId,
                deleted,
                createdAt,
                now);
    }

    public App withConfiguration(long configurationId, Instant now) {
        return new App(
                id,
                accountId,
                handle,
                status,
                deploymentMethod,
                configurationId,
                lastOperationId,
                lastDeployOperationId,
                deleted,
                createdAt,
                now);
    }

    public App withOperation(long operationId, boolean deploy) {
        return new App(
                id,
                accountId,
                handle,
                status,
                deploymentMethod,
                currentConfigurationId,
                operationId,
                deploy ? Long.valueOf(operationId) : lastDeployOperationId,
                deleted,
                createdAt,
                updatedAt);
    }

    public App deployed(String method, Instant now) {
        return new App(
                id,
                accountId,
                handle,
                ProvisionStatus.PROVISIONED,
                method,
                currentConfigurationId,
                lastOperationId,
                lastDeployOperationId,
                deleted,
                createdAt,
                now);
    }

    public App markDeleted(Instant now) {
        return new App(
                id,
                accountId,
                handle,
                ProvisionStatus.DEPROVISIONED,
                deploymentMethod,
                currentConfigurationId,
                lastOperationId,
                lastDeployOperationId,
                true,
                createdAt,
                now);
    }
}
