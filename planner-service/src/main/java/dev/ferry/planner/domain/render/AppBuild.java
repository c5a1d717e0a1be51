package dev.ferry.planner.domain.render;

import dev.ferry.planner.domain.StepView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the files of one app are rendered from, read back from the plan's deploy step: the services
 * and their commands, the release command, the language (and whether its version is assumed) and
 * port.
 */
record AppBuild(
        String app,
        String image,
        Map<String, String> services,
        String beforeDeploy,
        String language,
        String languageVersion,
        boolean languageVersionAssumed,
        String port,
        boolean zeroDowntime,
        String buildpacks) {

    static AppBuild of(PlanIndex plan, String app) {
        StepView deploy = plan.step("deploy:" + app)
                .orElseThrow(
                        () -> new IllegalArgumentException("Plan " + plan.plan().planId() + " has no app " + app));
        Map<String, String> p = deploy.parameters();
        Map<String, String> services = new LinkedHashMap<>();
        String list = p.getOrDefault("services", "");
        if (!list.isBlank()) {
            for (String entry : list.split(";")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    services.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        }
        return new AppBuild(
                app,
                p.get("image"),
                services,
                p.get("beforeDeploy"),
                p.get("language"),
                p.get("languageVersion"),
                // Plans from before languageVersionSource always had an assumed version.
                !"inventory".equals(p.get("languageVersionSource")),
                p.getOrDefault("port", "5000"),
                "true".equals(p.get("zeroDowntime")),
                p.get("buildpacks"));
    }

    String startCommand() {
        if (services.containsKey("web")) {
            return services.get("web");
        }
        return services.values().stream().findFirst().orElse(null);
    }
}
