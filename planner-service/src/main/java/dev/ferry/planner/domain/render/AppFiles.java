package dev.ferry.planner.domain.render;

import java.util.ArrayList;
import java.util.List;

/** Renders an app's Procfile (one line per service) and .aptible.yml (the release command). */
final class AppFiles {
    private AppFiles() {}

    static String procfile(AppBuild build) {
        List<String> lines = new ArrayList<>();
        build.services().forEach((type, command) -> lines.add(type + ": " + command));
        if (lines.isEmpty()) {
            return "# No process types were discovered: Aptible runs the image's CMD as one implicit service.\n";
        }
        return String.join("\n", lines) + "\n";
    }

    static String aptibleYml(AppBuild build) {
        if (build.beforeDeploy() == null) {
            return "# " + build.app() + " had no release phase on Heroku, so nothing runs before deploy.\n";
        }
        return "# Heroku's release phase runs before each deploy (before_release is the deprecated alias).\n"
                + "before_deploy:\n"
                + "  - " + yamlString(build.beforeDeploy()) + "\n";
    }

    static String yamlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
