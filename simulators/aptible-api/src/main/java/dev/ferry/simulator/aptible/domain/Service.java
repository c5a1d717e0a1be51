package dev.ferry.simulator.aptible.domain;

import java.time.Instant;

/**
 * A process type of a deployed app, created by its deploy operation. {@code forceZeroDowntime} and
 * {@code naiveHealthCheck} are its settings ({@code PATCH /services/{id}}); redeploys and scaling keep them.
 */
public record Service(
        long id,
        long appId,
        long accountId,
        String processType,
        String command,
        String dockerRepo,
        String dockerRef,
        int containerCount,
        int containerMemoryLimitMb,
        String instanceClass,
        boolean forceZeroDowntime,
        boolean naiveHealthCheck,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) {

    public Service scaled(Integer count, Integer memoryMb, String profile, Instant now) {
        return new Service(
                id,
                appId,
                accountId,
                processType,
                command,
                dockerRepo,
                dockerRef,
                count == null ? containerCount : count,
                memoryMb == null ? containerMemoryLimitMb : memoryMb,
                profile == null ? instanceClass : InstanceClasses.of(profile),
                forceZeroDowntime,
                naiveHealthCheck,
                deleted,
                createdAt,
                now);
    }

    public Service redeployed(String newCommand, String repo, String ref, Instant now) {
        return new Service(
                id,
                appId,
                accountId,
                processType,
                newCommand,
                repo,
                ref,
                containerCount,
                containerMemoryLimitMb,
                instanceClass,
                forceZeroDowntime,
                naiveHealthCheck,
                deleted,
                createdAt,
                now);
    }

    public Service markDeleted(Instant now) {
        return new Service(
                id,
                appId,
                accountId,
                processType,
                command,
                dockerRepo,
                dockerRef,
                containerCount,
                containerMemoryLimitMb,
                instanceClass,
                forceZeroDowntime,
                naiveHealthCheck,
                true,
                createdAt,
                now);
    }

    /** The service with these settings changed; {@code null} keeps a setting. */
    public Service withSettings(Boolean zeroDowntime, Boolean naive, Instant now) {
        return new Service(
                id,
                appId,
                accountId,
                processType,
                command,
                dockerRepo,
                dockerRef,
                containerCount,
                containerMemoryLimitMb,
                instanceClass,
                zeroDowntime == null ? forceZeroDowntime : zeroDowntime,
                naive == null ? naiveHealthCheck : naive,
                deleted,
                createdAt,
                now);
    }
}
