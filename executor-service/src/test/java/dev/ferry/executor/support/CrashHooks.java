package dev.ferry.executor.support;

import dev.ferry.executor.service.RunnerHooks;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the runner "die" once right after it recorded an operation of a step whose id contains
 * {@code crash-hook}: nothing after that point is appended, as if the process had been killed there.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashHooks implements RunnerHooks {
    public static final Set<String> CRASHED = ConcurrentHashMap.newKeySet();

    @Override
    public Uni<Void> afterOperationRecorded(String migrationId, String stepId) {
        if (stepId.contains("crash-hook") && CRASHED.add(migrationId + "/" + stepId)) {
            return Uni.createFrom().failure(new SimulatedCrash("test hook: died after recording the operation"));
        }
        return Uni.createFrom().voidItem();
    }
}
