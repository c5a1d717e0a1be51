package dev.ferry.demo;

import java.util.List;

/**
 * A step of the proposed plan as the planner's API shows it.
 *
 * @param secretNames names of the sealed inputs; their values are never read or shown
 */
public record PlannedStep(
        String id, String type, String title, String reason, List<String> dependsOn, List<String> secretNames) {

    public PlannedStep {
        dependsOn = List.copyOf(dependsOn);
        secretNames = List.copyOf(secretNames);
    }
}
