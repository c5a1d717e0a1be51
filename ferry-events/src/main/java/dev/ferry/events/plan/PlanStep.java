package dev.ferry.events.plan;

import dev.ferry.events.Nullable;
import dev.ferry.events.secret.SealedSecret;
import java.util.List;
import java.util.Map;

/**
 * One typed step of a plan's DAG. Fields added after v1 are optional.
 *
 * @param id stable within the plan, e.g. {@code app:shop-web}
 * @param type what the executor does, e.g. {@code ensure-app}
 * @param title what a person reads
 * @param reason why the planner chose this step
 * @param dependsOn ids of steps that must succeed first
 * @param parameters non-secret inputs
 * @param secrets secret inputs, sealed
 * @param app the Heroku app the step is about, null for estate-wide steps
 * @param wave the wave the step belongs to, from 1; apps sharing an add-on or a pipeline share a wave
 * @param gate null to run unattended; {@code approval} (a person approves before it runs), {@code
 *     manual-task} (a person does it and confirms), or {@code timed-wait} (waits {@code waitSeconds})
 * @param waitSeconds how long a timed wait lasts, e.g. 86400 after lowering a DNS TTL
 * @param timeoutSeconds how long one attempt may take
 * @param retry how failed attempts are retried
 * @param verification how the executor checks the desired state was reached
 * @param compensation the step type that undoes this step on rollback, null if nothing to undo
 * @param pointOfNoReturn rollback stops at this step once it has succeeded
 * @param needsReview why a person must review this step before the plan can be trusted, null if not
 */
public record PlanStep(
        String id,
        String type,
        String title,
        String reason,
        List<String> dependsOn,
        Map<String, String> parameters,
        Map<String, SealedSecret> secrets,
        @Nullable String app,
        @Nullable Integer wave,
        @Nullable String gate,
        @Nullable Long waitSeconds,
        @Nullable Integer timeoutSeconds,
        @Nullable RetryPolicy retry,
        @Nullable String verification,
        @Nullable String compensation,
        @Nullable Boolean pointOfNoReturn,
        @Nullable String needsReview) {

    /** The v1 shape: an unattended step with the executor's default policies. */
    public PlanStep(
            String id,
            String type,
            String title,
            String reason,
            List<String> dependsOn,
            Map<String, String> parameters,
            Map<String, SealedSecret> secrets) {
        this(
                id,
                type,
                title,
                reason,
                dependsOn,
                parameters,
                secrets,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
