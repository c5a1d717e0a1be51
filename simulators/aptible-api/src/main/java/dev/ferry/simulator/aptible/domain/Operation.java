package dev.ferry.simulator.aptible.domain;

import java.time.Instant;
import java.util.Map;

/**
 * An asynchronous change to a resource; only finished operations change the rest of the state.
 *
 * <p>{@code failOnCompletion} is decided when the operation is created, from the failure switches
 * that were on at that moment.
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
                true,
                createdAt,
                updatedAt);
    }

    public Map<String, String> env() {
        return request.env();
    }
}
