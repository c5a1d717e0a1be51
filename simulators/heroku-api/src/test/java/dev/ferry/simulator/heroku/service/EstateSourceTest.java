package dev.ferry.simulator.heroku.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ferry.simulator.heroku.config.SimulatorConfig;
import dev.ferry.simulator.heroku.domain.Estate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks loading the bundled demo estate and estate files from disk. */
class EstateSourceTest {

    private static EstateSource source(String estate) {
        SimulatorConfig config = new SimulatorConfig() {
            @Override
            public Optional<String> estate() {
                return Optional.ofNullable(estate);
            }

            @Override
            public int generatedApps() {
                return 0;
            }

            @Override
            public RateLimit rateLimit() {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.time.Duration backupDuration() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Backing backing() {
                throw new UnsupportedOperationException();
            }
        };
        return new EstateSource(config, new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    @Test
    void withoutAFileTheBundledDemoEstateIsServed() {
        EstateSource source = source(null);
        Estate estate = source.load();
        assertThat(source.describe()).isEqualTo("classpath:estates/demo-estate.json");
        assertThat(estate.accounts())
                .extracting(a -> a.email())
                .containsExactly("platform@acme.example", "ops@globex.example");
        assertThat(estate.apps())
                .extracting(a -> a.name())
                .containsExactly(
                        "acme-shop", "acme-admin", "acme-api-staging", "acme-api", "acme-payments", "globex-web");
        assertThat(estate.addOns()).hasSize(8);
        assertThat(estate.spaces())
                .singleElement()
                .satisfies(s -> assertThat(s.shield()).isTrue());
        assertThat(estate.pipelines())
                .singleElement()
                .satisfies(p -> assertThat(p.couplings()).hasSize(2));
        assertThat(estate.token("HRKU-00000000-0000-4000-8000-000000000002")
                        .orElseThrow()
                        .readsSecrets())
                .isFalse();
    }

    @Test
    void everyDemoSecretIsObviouslyFake() {
        Estate estate = source(null).load();
        estate.apps()
                .forEach(app -> app.configVars().forEach((name, value) -> {
                    if (!name.equals("RAILS_ENV") && !name.equals("NODE_ENV")) {
                        assertThat(value).as(name).contains("FAKE");
                    }
                }));
    }

    @Test
    void readsAnEstateFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("estate.json");
        Files.writeString(file, """
                {"accounts": [{"email": "x@example.test", "tokens": [{"token": "T", "scope": "read"}]}],
                 "apps": [{"name": "solo-app", "owner": "x@example.test"}]}
                """);
        Estate estate = source(file.toString()).load();
        assertThat(estate.apps()).extracting(a -> a.name()).containsExactly("solo-app");
    }

    @Test
    void unknownKeysAreErrorsNotSilentlyIgnored(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("estate.json");
        Files.writeString(file, """
                {"accounts": [{"email": "x@example.test", "tokenz": []}]}
                """);
        assertThatThrownBy(() -> source(file.toString()).load())
                .isInstanceOf(EstateInvalidException.class)
                .hasMessageContaining("tokenz");
    }

    @Test
    void aMissingFileIsReported(@TempDir Path dir) {
        String missing = dir.resolve("nope.json").toString();
        assertThatThrownBy(() -> source(missing).load())
                .isInstanceOf(EstateInvalidException.class)
                .hasMessageContaining("nope.json");
    }
}
