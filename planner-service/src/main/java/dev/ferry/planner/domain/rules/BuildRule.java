package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Buildpacks become a Dockerfile: the language comes from the buildpacks (the last language
 * buildpack decides, as on Heroku), its version from what the inventory knows, and the rendered
 * Dockerfile binds 0.0.0.0, honours $PORT and exposes it. Unknown buildpacks and versions are said,
 * never guessed silently.
 */
public final class BuildRule {
    /** The port the rendered Dockerfile sets as $PORT and exposes. */
    public static final int PORT = 5000;

    /**
     * What the Dockerfile is built from.
     *
     * @param language {@code ruby}, {@code node}, {@code python}, {@code java}, {@code go}, {@code php}
     *     or null when unknown
     * @param version the language version when known, else null (the Dockerfile then uses {@code
     *     defaultVersion} and says so)
     * @param extraLanguages other language buildpacks the build also needs (e.g. Node.js for assets)
     * @param unsupported buildpacks with no Dockerfile equivalent
     */
    public record Build(
            String language,
            String version,
            String defaultVersion,
            List<String> extraLanguages,
            List<String> unsupported,
            String reason,
            String review) {}

    private BuildRule() {}

    public static Build detect(AppInventory app) {
        if (app.buildpacks() == null) {
            return new Build(
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    "The app's buildpacks were not discovered.",
                    "Buildpacks were not discovered, so the language is unknown: complete the Dockerfile by hand.");
        }
        List<String> languages = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (String buildpack : app.buildpacks()) {
            String language = language(buildpack);
            if (language == null) {
                unsupported.add(buildpack);
            } else if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        if (languages.isEmpty()) {
            String why = app.buildpacks().isEmpty()
                    ? "The app sets no buildpack, so Heroku detected the language at build time."
                    : "None of the buildpacks (" + String.join(", ", app.buildpacks()) + ") is a language Ferry knows.";
            return new Build(null, null, null, List.of(), unsupported, why, why + " Complete the Dockerfile by hand.");
        }
        String primary = languages.get(languages.size() - 1);
        List<String> extra = languages.subList(0, languages.size() - 1);
        StringBuilder reason = new StringBuilder("Buildpacks ")
                .append(String.join(", ", app.buildpacks()))
                .append(" build a ")
                .append(label(primary))
                .append(" app; the Dockerfile starts from the official ")
                .append(label(primary))
                .append(" image");
        if (!extra.isEmpty()) {
            reason.append(" and also installs ")
                    .append(String.join(
                            ", ", extra.stream().map(BuildRule::label).toList()));
        }
        reason.append(". The language version is not in the inventory: the Dockerfile uses ")
                .append(defaultVersion(primary))
                .append(" until the team sets the version their repository declares.");
        if ("fir".equalsIgnoreCase(app.generation())) {
            reason.append(" The app runs on Heroku's Fir generation (Cloud Native Buildpacks); `pack build` with"
                    + " the same builder is an alternative to the Dockerfile.");
        }
        String review = unsupported.isEmpty()
                ? null
                : "Buildpacks " + String.join(", ", unsupported)
                        + " have no Dockerfile equivalent: add what they install to the Dockerfile by hand.";
        return new Build(
                primary,
                null,
                defaultVersion(primary),
                List.copyOf(extra),
                List.copyOf(unsupported),
                reason.toString(),
                review);
    }

    static String language(String buildpack) {
        String b = buildpack.toLowerCase(Locale.ROOT);
        if (b.contains("ruby")) {
            return "ruby";
        }
        if (b.contains("nodejs") || b.endsWith("/node") || b.contains("buildpack-node")) {
            return "node";
        }
        if (b.contains("python")) {
            return "python";
        }
        if (b.contains("php")) {
            return "php";
        }
        if (b.endsWith("/go") || b.contains("buildpack-go") || b.endsWith("/golang")) {
            return "go";
        }
        if ((b.contains("java") && !b.contains("javascript")) || b.contains("gradle") || b.contains("scala")) {
            return "java";
        }
        return null;
    }

    public static String label(String language) {
        return switch (language) {
            case "ruby" -> "Ruby";
            case "node" -> "Node.js";
            case "python" -> "Python";
            case "java" -> "Java";
            case "go" -> "Go";
            case "php" -> "PHP";
            default -> language;
        };
    }

    public static String defaultVersion(String language) {
        return switch (language) {
            case "ruby" -> "3.3";
            case "node" -> "20";
            case "python" -> "3.12";
            case "java" -> "21";
            case "go" -> "1.22";
            case "php" -> "8.3";
            default -> null;
        };
    }
}
