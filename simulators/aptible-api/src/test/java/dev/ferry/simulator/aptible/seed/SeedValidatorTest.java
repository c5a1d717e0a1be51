package dev.ferry.simulator.aptible.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.aptible.domain.Stack;
import dev.ferry.simulator.aptible.service.StackCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules a seed must follow before anything is created, each broken one named with its entry. */
class SeedValidatorTest {

    private static final List<String> BUILT_IN =
            StackCatalog.builtIn("org").stream().map(Stack::name).toList();

    private final SeedReader reader = new SeedReader(new ObjectMapper());

    @TempDir
    Path dir;

    private Seed seed(String json) {
        try {
            return reader.read(Files.writeString(dir.resolve("seed.json"), json).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems of a seed that must be refused. */
    private List<String> problems(String json) {
        Seed seed = seed(json);
        SeedException e = catchThrowableOfType(SeedException.class, () -> SeedValidator.check(seed, BUILT_IN));
        assertThat(e).as("seed should be refused").isNotNull();
        assertThat(e.getMessage()).startsWith("cannot seed the Aptible simulator from " + seed.source() + ":");
        return e.problems();
    }

    @Test
    void exampleSeedIsValid() {
        Seed example = reader.read("seeds/acme-staging.json");

        assertThatCode(() -> SeedValidator.check(example, BUILT_IN)).doesNotThrowAnyException();
    }

    @Test
    void duplicateEnvironmentHandleIsRefused() {
        assertThat(problems("{\"accounts\": [{\"handle\": \"acme-staging\"}, {\"handle\": \"acme-staging\"}]}"))
                .containsExactly("accounts[1] (acme-staging): handle \"acme-staging\" is already used by"
                        + " accounts[0] (acme-staging)");
    }

    @Test
    void appHandlesAreUniquePerEnvironmentOnly() {
        String twoEnvironments = "{\"accounts\": [{\"handle\": \"staging\"}, {\"handle\": \"prod\"}], \"apps\": [";
        assertThatCode(() -> SeedValidator.check(
                        seed(twoEnvironments
                                + "{\"account\": \"staging\", \"handle\": \"web\"},"
                                + "{\"account\": \"prod\", \"handle\": \"web\"}]}"),
                        BUILT_IN))
                .doesNotThrowAnyException();

        assertThat(problems(twoEnvironments
                        + "{\"account\": \"prod\", \"handle\": \"web\"},"
                        + "{\"account\": \"prod\", \"handle\": \"web\"}]}"))
                .containsExactly("apps[1] (prod/web): handle \"web\" is already used by apps[0] (prod/web)");
    }

    @Test
    void duplicateDatabaseAndLogDrainHandlesAreRefused() {
        assertThat(problems("{\"accounts\": [{\"handle\": \"a\"}, {\"handle\": \"b\"}],"
                        + "\"databases\": [{\"account\": \"a\", \"handle\": \"db\", \"type\": \"redis\"},"
                        + "  {\"account\": \"a\", \"handle\": \"db\", \"type\": \"postgresql\"}],"
                        + "\"log_drains\": [{\"account\": \"a\", \"handle\": \"logs\", \"drain_type\": \"datadog\"},"
                        + "  {\"account\": \"b\", \"handle\": \"logs\", \"drain_type\": \"datadog\"}]}"))
                .containsExactly(
                        "databases[1] (a/db): handle \"db\" is already used by databases[0] (a/db)",
                        "log_drains[1] (b/logs): handle \"logs\" is already used by log_drains[0] (a/logs)");
    }

    @Test
    void appInAnUnknownEnvironmentIsRefused() {
        assertThat(problems("{\"accounts\": [{\"handle\": \"acme-staging\"}],"
                        + "\"apps\": [{\"account\": \"acme-prod\", \"handle\": \"web\"}, {\"handle\": \"api\"}]}"))
                .containsExactly(
                        "apps[0] (acme-prod/web): account \"acme-prod\" is not declared in accounts",
                        "apps[1] (api): account can't be blank");
    }

    @Test
    void databaseAndLogDrainInAnUnknownEnvironmentAreRefused() {
        assertThat(problems("{\"databases\": [{\"account\": \"x\", \"handle\": \"db\", \"type\": \"redis\"}],"
                        + "\"log_drains\": [{\"account\": \"x\", \"handle\": \"l\", \"drain_type\": \"datadog\"}]}"))
                .containsExactly(
                        "databases[0] (x/db): account \"x\" is not declared in accounts",
                        "log_drains[0] (x/l): account \"x\" is not declared in accounts");
    }

    @Test
    void stacksMustBeKnownAndNamedOnce() {
        assertThat(problems("{\"stacks\": [{\"name\": \"shared-us-west-1\"}, {\"name\": \"Bad Name\"}],"
                        + "\"accounts\": [{\"handle\": \"a\", \"stack\": \"nowhere\"}]}"))
                .containsExactly(
                        "stacks[0]: stack name \"shared-us-west-1\" is already used",
                        "stacks[1]: name \"Bad Name\" may only contain lowercase letters, numbers, dashes,"
                                + " underscores and periods",
                        "accounts[0] (a): stack \"nowhere\" is neither built in nor declared in stacks"
                                + " (ferry-dedicated-us-east-1, shared-us-west-1)");
    }

    @Test
    void handlesTypesAndVersionsFollowTheApi() {
        assertThat(problems("{\"accounts\": [{\"handle\": \"Acme\"}, {\"handle\": \"ok\", \"type\": \"staging\"}],"
                        + "\"databases\": [{\"account\": \"ok\", \"handle\": \"db\", \"type\": \"postgresql\","
                        + "  \"version\": \"9.6\"}, {\"account\": \"ok\", \"handle\": \"m\", \"type\": \"mysql\"}]}"))
                .containsExactly(
                        "accounts[0] (Acme): Handle may only contain lowercase letters, numbers, dashes,"
                                + " underscores and periods",
                        "accounts[1] (ok): type \"staging\" is not one of development, production",
                        "databases[0] (ok/db): version \"9.6\" of postgresql is not in the catalogue"
                                + " (16, 15, 14, 13, 12)",
                        "databases[1] (ok/m): type \"mysql\" is not one of postgresql, redis");
    }

    @Test
    void servicesAndEndpointsNeedADeployedAppAndAKnownService() {
        assertThat(problems("{\"accounts\": [{\"handle\": \"a\"}], \"apps\": ["
                        + "{\"account\": \"a\", \"handle\": \"never\", \"services\": [{\"process_type\": \"web\","
                        + "  \"command\": \"run\"}]},"
                        + "{\"account\": \"a\", \"handle\": \"shop\", \"docker_image\": \"acme/shop:1\","
                        + "  \"services\": [{\"process_type\": \"web\", \"command\": \"run\"},"
                        + "    {\"process_type\": \"web\", \"command\": \"\"}],"
                        + "  \"endpoints\": [{\"service\": \"api\"}]}]}"))
                .containsExactly(
                        "apps[0] (a/never): services and endpoints need a deployed app: give docker_image or git_ref",
                        "apps[1] (a/shop) services[1]: process_type \"web\" is declared twice",
                        "apps[1] (a/shop) services[1]: command can't be blank",
                        "apps[1] (a/shop) endpoints[0]: service \"api\" is not one of the app's services (web)");
    }
}
