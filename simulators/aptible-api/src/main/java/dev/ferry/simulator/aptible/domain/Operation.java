package dev.ferry.simulator.aptible.domain;

import java.time.Instant;
import java.util.Map;

/**
 * An asynchronous change to a resource; only finished operations change the rest of the state.
 *
 * <p>{@code failOnCompletion} and {@code runningMs} are decided when the operation is created, from the
 * fault switches in force at that moment. A cancelled operation ends {@code failed} with {@code cancelled}.
 */
public record Operation(
        long id,
        String type,
        OperationStatus status,
        ResourceRef resource,
        long accountId,
        OperationRequest request,
        String userName,
        String userEmail,
        boolean failOnCompletion,
        long runningMs,
        boolean cancelled,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) {

    public Operation withStatus(OperationStatus newStatus, Instant now) {
        return new Operation(
                id,
                type,
                newStatus,
                resource,
                accountId,
                request,
                userName,
                userEmail,
                failOnCompletion,
                runningMs,
                cancelled,
                deleted,
                createdAt,
                now);
    }

    public Operation cancel(Instant now) {
        return new Operation(
                id,
                type,
                OperationStatus.FAILED,
                resource,
                accountId,
                request,
                userName,
                userEmail,
                failOnCompletion,
                runningMs,
                true,
                deleted,
                createdAt,
                now);
    }

    public Operation markDeleted() {
        return new Operation(
                id,
                type,
                status,
                resource,
                accountId,
                request,
                userName,
                userEmail,
                failOnCompletion,
                runningMs,
                cancelled,
                true,
                createdAt,
                updatedAt);
    }

    public Map<String, String> env() {
        return request.env();
    }
}
