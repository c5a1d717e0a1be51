package dev.ferry.simulator.heroku.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.service.EstateDocument.AccountSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.TokenSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated apps are valid, deterministic and owned by the estate's first account. */
class GeneratedAppsTest {

    private static EstateDocument base() {
        return new EstateDocument(
                null,
                List.of(new AccountSpec(
                        null,
                        "a@example.com",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new TokenSpec("t", List.of("global"), null)))),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void addsValidAppsWithTheSameIdsEveryTime() {
        Estate first = EstateAssembler.assemble("test", GeneratedApps.addTo(base(), 300));
        Estate second = EstateAssembler.assemble("test", GeneratedApps.addTo(base(), 300));
        assertThat(first.apps()).hasSize(300);
        // 180 Postgres (3 in 5), 60 Redis (1 in 5), 42 Papertrail (1 in 7).
        assertThat(first.addOns()).hasSize(180 + 60 + 42);
        assertThat(first.apps().stream().filter(a -> a.details().domains().size() > 1))
                .hasSize(90);
        assertThat(first.apps().stream().filter(a -> a.details().features().contains("preboot")))
                .hasSize(75);
        assertThat(first.apps().stream()
                        .filter(a -> a.details().releases().stream()
                                .anyMatch(r -> r.status().equals("failed"))))
                .hasSize(12);
        assertThat(first.pipelines()).hasSize(30);
        assertThat(first.apps())
                .extracting(App::id)
                .isEqualTo(second.apps().stream().map(App::id).toList());
        App app = first.apps().stream()
                .filter(a -> a.name().equals("gen-app-00300"))
                .findFirst()
                .orElseThrow();
        assertThat(app.configVars()).containsKeys("DATABASE_URL", "SECRET_KEY_BASE");
        assertThat(app.formation()).hasSize(2);
    }

    @Test
    void zeroAddsNothing() {
        EstateDocument document = base();
        assertThat(GeneratedApps.addTo(document, 0)).isSameAs(document);
    }
}
