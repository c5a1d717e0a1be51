package dev.ferry.events.plan;

import dev.ferry.events.secret.SealedSecret;
import java.util.List;
import java.util.Map;

/**
 * One typed step of a plan's DAG.
 *
 * @param id stable within the plan, e.g. {@code app:shop-web}
 * @param type what the executor does, e.g. {@code ensure-app}
 * @param title what a person reads
 * @param reason why the planner chose this step
 * @param dependsOn ids of steps that must succeed first
 * @param parameters non-secret inputs
 * @param secrets secret inputs, sealed
 */
public record PlanStep(
        String id,
        String type,
        String title,
        String reason,
        List<String> dependsOn,
        Map<String, String> parameters,
        Map<String, SealedSecret> secrets) {}
