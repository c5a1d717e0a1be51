package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Buildpacks become a Dockerfile: the language comes from the buildpacks (the last language
 * buildpack decides, as on Heroku), its version from what the inventory knows, and the rendered
 * Dockerfile binds 0.0.0.0, honours $PORT and exposes it. Unknown buildpacks are flagged, and a
 * default version is marked as assumed and flagged for review, never presented as fact.
 */
public final class BuildRule {
    private static final Pattern PHP_NGINX = Pattern.compile("\\bheroku-php-nginx\\b");
    private static final Pattern PHP_OPTIONS = Pattern.compile("\\bheroku-php-apache2\\b.*\\s-[CFilp]\\b");

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
     * @param reviews why the build needs a person (an unknown language, unsupported buildpacks, the
     *     buildpack's PHP start script options, an assumed version), empty when it does not
     */
    public record Build(
            String language,
            String version,
            String defaultVersion,
            List<String> extraLanguages,
            List<String> unsupported,
            String reason,
            List<String> reviews) {

        /** Whether the Dockerfile's language version is a default rather than a discovered fact. */
        public boolean versionAssumed() {
            return language != null && version == null;
        }

        /** {@code inventory} or {@code assumed} (a default), null without a language. */
        public String versionSource() {
            if (language == null) {
                return null;
            }
            return versionAssumed() ? "assumed" : "inventory";
        }

        /** The version the Dockerfile uses: the discovered one, else the default. */
        public String dockerfileVersion() {
            return version != null ? version : defaultVersion;
        }
    }

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
                    List.of("Buildpacks were not discovered, so the language is unknown: complete the Dockerfile by"
                            + " hand."));
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
            return new Build(
                    null, null, null, List.of(), unsupported, why, List.of(why + " Complete the Dockerfile by hand."));
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
        reason.append(". The language version is not in the inventory: the Dockerfile assumes ")
                .append(defaultVersion(primary))
                .append(" until the team confirms the version ")
                .append(declaredIn(primary))
                .append(" sets.");
        if ("fir".equalsIgnoreCase(app.generation())) {
            reason.append(" The app runs on Heroku's Fir generation (Cloud Native Buildpacks); `pack build` with"
                    + " the same builder is an alternative to the Dockerfile.");
        }
        List<String> reviews = new ArrayList<>();
        if (!unsupported.isEmpty()) {
            reviews.add("Buildpacks " + String.join(", ", unsupported)
                    + " have no Dockerfile equivalent: add what they install to the Dockerfile by hand.");
        }
        if ("php".equals(primary)) {
            phpStartReview(app).ifPresent(reviews::add);
        }
        // The inventory carries no language version (config var values stay sealed from the planner).
        reviews.add("The inventory has no " + label(primary) + " version: the Dockerfile assumes "
                + defaultVersion(primary) + "; confirm it against " + declaredIn(primary) + " before building.");
        return new Build(
                primary,
                null,
                defaultVersion(primary),
                List.copyOf(extra),
                List.copyOf(unsupported),
                reason.toString(),
                List.copyOf(reviews));
    }

    /**
     * The rendered image stands in for the PHP buildpack's start scripts with plain Apache, so nginx
     * and the scripts' options (Apache or FPM includes, php.ini, port) are not carried.
     */
    private static Optional<String> phpStartReview(AppInventory app) {
        List<String> affected = ServicesRule.processes(app).services().entrySet().stream()
                .filter(e -> PHP_NGINX.matcher(e.getValue()).find()
                        || PHP_OPTIONS.matcher(e.getValue()).find())
                .map(Map.Entry::getKey)
                .toList();
        if (affected.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The command of " + String.join(", ", affected) + " uses heroku-php-nginx or"
                + " options of Heroku's PHP start script; the Dockerfile serves the app with plain Apache: move that"
                + " configuration into the image.");
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

    /** Where a repository declares its language version for Heroku's buildpack. */
    public static String declaredIn(String language) {
        return switch (language) {
            case "ruby" -> "the Gemfile's ruby directive";
            case "node" -> "package.json engines.node";
            case "python" -> ".python-version or runtime.txt";
            case "java" -> "system.properties java.runtime.version";
            case "go" -> "go.mod's go directive";
            case "php" -> "composer.json require.php";
            default -> "the version the repository declares";
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
