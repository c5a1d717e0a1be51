package dev.ferry.planner.domain.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.Pipeline;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.PlanRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered files of two estates, and the Dockerfiles of one small estate per other language
 * (Node.js, Java, PHP), compared with src/test/resources/golden byte for byte. After an intended
 * change, regenerate with {@code -Dferry.golden.write=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean WRITE = Boolean.getBoolean("ferry.golden.write");
    private static final String NODE_WEB = "node server.js";
    private static final String JAVA_WEB = "java -Dserver.port=$PORT $JAVA_OPTS -jar target/billing.jar";
    private static final String PHP_WEB = "heroku-php-apache2 public/";

    static Stream<Arguments> files() {
        return Stream.of(
                        estate("demo", Estates.demo("d-golden", "alice")),
                        estate("regulated", regulated()),
                        dockerfiles("node", node()),
                        dockerfiles("java", java()),
                        dockerfiles("php", php()))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> estate(String name, EstateDiscovered estate) {
        PlanDocument plan = PlanDocument.of(PlanRules.propose(estate));
        return PlanFiles.list(plan).stream().map(f -> Arguments.of(name, f.app(), f.name(), plan));
    }

    /** Only the Dockerfiles: the other files do not depend on the language. */
    private static Stream<Arguments> dockerfiles(String name, EstateDiscovered estate) {
        return estate(name, estate).filter(a -> "Dockerfile".equals(a.get()[2]));
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @MethodSource("files")
    void renderedFilesMatchTheGoldenCopies(String estate, String app, String name, PlanDocument plan)
            throws IOException {
        String rendered = PlanFiles.render(plan, app, name).orElseThrow();
        assertThat(rendered).doesNotContain(Estates.SECRET).doesNotContain(Estates.DB_PASSWORD);
        Path golden = GOLDEN.resolve(estate).resolve(app).resolve(name);
        if (WRITE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(golden)
                .as("golden file %s; run with -Dferry.golden.write=true to create it", golden)
                .exists();
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /**
     * Each language's Dockerfile binds 0.0.0.0 (says so, or configures the server to), sets $PORT and
     * exposes it, and leaves no inherited ENTRYPOINT, so Aptible runs the Procfile's commands through
     * a shell that expands $PORT.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void languageDockerfilesListenOnPortOnEveryInterface(String language, EstateDiscovered estate, String web) {
        PlanDocument plan = PlanDocument.of(PlanRules.propose(estate));
        String app = plan.apps().get(0);
        String dockerfile = PlanFiles.render(plan, app, "Dockerfile").orElseThrow();
        assertThat(dockerfile)
                .contains("0.0.0.0")
                .contains("\nENV PORT=5000\n")
                .contains("\nEXPOSE 5000\n")
                .contains("\nCMD " + web + "\n")
                .contains("_VERSION=")
                .contains("is assumed: not found in the inventory, confirm it against");
        assertThat(dockerfile.indexOf("\nENTRYPOINT []\n"))
                .as("the entrypoint is cleared after the last FROM")
                .isGreaterThan(dockerfile.lastIndexOf("\nFROM "));
        if (language.equals("php")) {
            assertThat(dockerfile)
                    .contains("s/^Listen 80$/Listen ${PORT}/")
                    .contains("<VirtualHost *:${PORT}>")
                    .contains("ENV APACHE_DOCUMENT_ROOT=/app/public\n")
                    .contains("/usr/local/bin/heroku-php-apache2");
        }
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("node", node(), NODE_WEB),
                Arguments.of("java", java(), JAVA_WEB),
                Arguments.of("php", php(), PHP_WEB));
    }

    /** A Node.js API with a worker. */
    static EstateDiscovered node() {
        return single(
                "d-node",
                Estates.app("acme-api")
                        .process("web", NODE_WEB, 2, "standard-1x")
                        .process("worker", "node worker.js", 1, "standard-1x")
                        .buildpacks("heroku/nodejs")
                        .release(8, false)
                        .build());
    }

    /** A Java (Maven) service that reads $PORT on its command line. */
    static EstateDiscovered java() {
        return single(
                "d-java",
                Estates.app("acme-billing")
                        .process("web", JAVA_WEB, 1, "standard-2x")
                        .buildpacks("heroku/java")
                        .release(30, false)
                        .build());
    }

    /** A PHP site started by the buildpack's heroku-php-apache2 with a public/ document root. */
    static EstateDiscovered php() {
        return single(
                "d-php",
                Estates.app("acme-blog")
                        .process("web", PHP_WEB, 1, "standard-1x")
                        .buildpacks("heroku/php")
                        .release(5, false)
                        .build());
    }

    private static EstateDiscovered single(String discoveryId, AppInventory app) {
        return Estates.estate(discoveryId, "alice", "acc-" + discoveryId, List.of(app), List.of(), List.of());
    }

    /**
     * A Shield space with a staging and a production app in one pipeline, a 200 GB database that
     * cannot sync logically, a wildcard domain, a Python worker service reached inside the space, a
     * Go app, Heroku Scheduler and an unknown add-on.
     */
    static EstateDiscovered regulated() {
        AddOn bigPg = Estates.postgres(
                        "pg-clinic",
                        "postgresql-clinic",
                        "clinic",
                        List.of("clinic"),
                        "shield-postgresql:shield-4",
                        200 * Estates.GB,
                        false)
                .build();
        var clinic = Estates.app("clinic")
                .process("web", "gunicorn clinic.wsgi --bind 0.0.0.0:$PORT", 3, "shield-m")
                .process("worker", "celery -A clinic worker", 2, "shield-l")
                .process("release", "python manage.py migrate", 0, "shield-s")
                .config("DATABASE_URL", "postgres://u:" + Estates.DB_PASSWORD + "@db/clinic")
                .config("DJANGO_SECRET_KEY", Estates.SECRET)
                .config("REDIS_URL", "rediss://:FAKE@r:6379")
                .addon(bigPg)
                .addon(Estates.redis("r-clinic", "redis-clinic", "clinic", true).build())
                .addon(new AddOn("s1", "scheduler-clinic", "scheduler", "scheduler:standard", List.of()))
                .addon(new AddOn("u1", "mystery-clinic", "mystery-addon", "mystery-addon:pro", List.of("MYSTERY_KEY")))
                .config("MYSTERY_KEY", "FAKE-mystery")
                .buildpacks("heroku/python")
                .domain("clinic.herokuapp.com", "heroku")
                .domain("*.clinic.example", "custom")
                .domain("app.clinic.example", "custom")
                .space("clinic-shield")
                .features("preboot", "spaces-dns-discovery")
                .pipeline("p-clinic", "production")
                .release(311, true)
                .build();
        var staging = Estates.app("clinic-staging")
                .process("web", "gunicorn clinic.wsgi --bind 0.0.0.0:$PORT", 1, "shield-s")
                .config("DJANGO_SECRET_KEY", "FAKE-staging")
                .buildpacks("heroku/python")
                .domain("clinic-staging.herokuapp.com", "heroku")
                .domain("staging.clinic.example", "custom")
                .space("clinic-shield")
                .pipeline("p-clinic", "staging")
                .release(290, false)
                .build();
        var tools = Estates.app("clinic-tools")
                .process("web", "bin/tools", 1, "performance-l-ram")
                .buildpacks("heroku/go")
                .domain("clinic-tools.herokuapp.com", "heroku")
                .release(12, false)
                .build();
        var pipeline = new Pipeline(
                "p-clinic",
                "clinic",
                List.of(
                        new Pipeline.Coupling("clinic-staging", "staging"),
                        new Pipeline.Coupling("clinic", "production")));
        return Estates.estate(
                "d-regulated",
                "alice",
                "acc-regulated",
                List.of(clinic, staging, tools),
                List.of(Estates.space("clinic-shield", true, List.of("198.51.100.0/24"))),
                List.of(pipeline));
    }
}
