package dev.ferry.simulator.aptible.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading seeds from files and the classpath, and how unreadable or mistyped seeds are reported. */
class SeedReaderTest {

    private final SeedReader reader = new SeedReader(new ObjectMapper());

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("seed.json"), json);
    }

    @Test
    void readsTheExampleSeedFromTheClasspathWithOrWithoutPrefix() {
        Seed seed = reader.read("seeds/acme-staging.json");

        assertThat(seed.source()).isEqualTo("classpath:seeds/acme-staging.json");
        assertThat(reader.read("classpath:seeds/acme-staging.json").document()).isEqualTo(seed.document());
        SeedDocument d = seed.document();
        assertThat(d.stacks()).extracting(SeedDocument.StackSpec::name).containsExactly("acme-dedicated-us-east-2");
        assertThat(d.accounts()).singleElement().satisfies(a -> {
            assertThat(a.handle()).isEqualTo("acme-staging");
            assertThat(a.stack()).isEqualTo("acme-dedicated-us-east-2");
        });
        assertThat(d.apps()).singleElement().satisfies(app -> {
            assertThat(app.deployed()).isTrue();
            assertThat(app.services())
                    .extracting(SeedDocument.ServiceSpec::processType)
                    .containsExactly("web", "worker");
            assertThat(app.endpoints())
                    .singleElement()
                    .satisfies(e -> assertThat(e.isDefault()).isTrue());
        });
        assertThat(d.databases()).extracting(SeedDocument.DatabaseSpec::type).containsExactly("postgresql", "redis");
        assertThat(d.logDrains())
                .singleElement()
                .satisfies(l -> assertThat(l.drainPort()).isEqualTo("51234"));
    }

    @Test
    void readsAFileByPathAndLeavesAbsentListsEmpty() throws IOException {
        Path file = write("{\"accounts\": [{\"handle\": \"acme-prod\"}]}");

        Seed seed = reader.read(file.toString());

        assertThat(seed.source()).isEqualTo("file " + file.toAbsolutePath());
        assertThat(seed.document().accounts())
                .singleElement()
                .satisfies(a -> assertThat(a.handle()).isEqualTo("acme-prod"));
        assertThat(seed.document().apps()).isEmpty();
        assertThat(seed.document().stacks()).isEmpty();
    }

    @Test
    void unknownFieldIsNamedWithWhereItIsAndTheKnownOnes() throws IOException {
        Path file = write("{\"accounts\": [{\"handle\": \"acme-prod\"}],\n"
                + " \"apps\": [{\"account\": \"acme-prod\", \"handle\": \"web\", \"colour\": \"blue\"}]}");

        assertThatThrownBy(() -> reader.read(file.toString()))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("file " + file.toAbsolutePath())
                .hasMessageContaining("unknown field \"colour\" in apps[0] (line 2")
                .hasMessageContaining("known fields: account, docker_image, endpoints, env, git_ref, handle, services");
    }

    @Test
    void unknownTopLevelFieldIsReported() throws IOException {
        Path file = write("{\"enviroments\": []}");

        assertThatThrownBy(() -> reader.read(file.toString()))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("unknown field \"enviroments\" at the top level");
    }

    @Test
    void missingFileFailsNamingTheFile() {
        Path missing = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> reader.read(missing.toString()))
                .isInstanceOf(SeedException.class)
                .hasMessage("cannot seed the Aptible simulator from file " + missing.toAbsolutePath()
                        + ": cannot read it: no such file");
    }

    @Test
    void directoryIsUnreadable() {
        assertThatThrownBy(() -> reader.read(dir.toString()))
                .isInstanceOf(SeedException.class)
                .hasMessageStartingWith(
                        "cannot seed the Aptible simulator from file " + dir.toAbsolutePath() + ": cannot read it");
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path file = write("{\"accounts\": [\n  {\"handle\": \"acme-prod\",}\n]}");

        assertThatThrownBy(() -> reader.read(file.toString()))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("not a valid seed")
                .hasMessageContaining("line 2");
    }

    @Test
    void valueOfTheWrongTypeNamesItsPath() throws IOException {
        Path file = write("{\"apps\": [{\"handle\": \"web\", \"services\": [{\"container_count\": \"two\"}]}]}");

        assertThatThrownBy(() -> reader.read(file.toString()))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("at apps[0].services[0].container_count");
    }

    @Test
    void emptyFileIsNotASeed() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> reader.read(file.toString()))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("not a valid seed");
    }
}
