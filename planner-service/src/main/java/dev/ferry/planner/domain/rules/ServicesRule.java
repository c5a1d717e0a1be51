package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ProcessType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dynos become containers: every Procfile process type is its own Aptible service with the same
 * command, the {@code release} process type runs as {@code before_deploy} in {@code .aptible.yml}
 * (never a service), dyno quantity becomes container count, preboot becomes zero-downtime deploys.
 */
public final class ServicesRule {
    public static final String RELEASE = "release";

    /**
     * The app's processes.
     *
     * @param services process type to command, without {@code release}, sorted
     * @param beforeDeploy the release command, null without a release phase
     * @param formation process type to its formation entry (quantity, size), sorted
     */
    public record Processes(
            Map<String, String> services,
            String beforeDeploy,
            Map<String, ProcessType> formation,
            List<String> reviews) {}

    private ServicesRule() {}

    public static Processes processes(AppInventory app) {
        TreeMap<String, String> commands = new TreeMap<>();
        TreeMap<String, ProcessType> formation = new TreeMap<>();
        List<String> reviews = new ArrayList<>();
        for (ProcessType process : app.formation()) {
            formation.put(process.type(), process);
            if (process.command() != null && !process.command().isBlank()) {
                commands.put(process.type(), process.command());
            }
        }
        if (app.procfile() != null) {
            commands.putAll(app.procfile());
        }
        String release = commands.remove(RELEASE);
        if (release == null && app.release() != null && app.release().releasePhase()) {
            reviews.add("The current release runs a release phase but its command was not discovered: add it as"
                    + " before_deploy in .aptible.yml.");
        }
        if (commands.isEmpty()) {
            reviews.add("No process types were discovered, so there is no service to deploy: Aptible would run the"
                    + " Dockerfile's CMD as an implicit service.");
        }
        commands.forEach((type, command) -> {
            if (command.contains(";")) {
                reviews.add("The command of " + type + " contains ';', which the services parameter uses as a"
                        + " separator: check the deploy step's services.");
            }
        });
        return new Processes(commands, release, formation, reviews);
    }

    /** The {@code services} parameter: {@code name=command;...}. */
    public static String servicesParameter(Processes processes) {
        List<String> parts = new ArrayList<>();
        processes.services().forEach((type, command) -> parts.add(type + "=" + command));
        return String.join(";", parts);
    }

    public static boolean preboot(AppInventory app) {
        return app.features() != null && app.features().contains("preboot");
    }

    /** Process types that are not the web process: they write to databases and take jobs. */
    public static List<String> background(Processes processes) {
        return processes.services().keySet().stream()
                .filter(type -> !type.equals("web"))
                .toList();
    }
}
