package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlannerSettings;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigRuleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "DATABASE_URL, reference, database:pg-main",
        "REDIS_URL, reference, database:redis-main",
        "SECRET_KEY_BASE, carried, ''",
        "SENDGRID_API_KEY, carried, ''",
        "MYSTERY_TOKEN, carried, ''",
        "STRIPE_SECRET, carried, ''",
        "HEROKU_APP_NAME, dropped, managed by Heroku",
        "HEROKU_SLUG_COMMIT, dropped, managed by Heroku",
        "PORT, dropped, the Dockerfile sets PORT",
        "PAPERTRAIL_API_TOKEN, dropped, the log drain replaces papertrail-x"
    })
    void everyVariableGetsADecision(String name, String decision, String detail) {
        var app = Estates.app("x")
                .process("web", "bin/web", 1, "basic")
                .config(name, "FAKE-value")
                .addon(Estates.postgres("p", "pg-main", "x", List.of("x"), "heroku-postgresql:standard-0", 1L, false)
                        .build())
                .addon(Estates.redis("r", "redis-main", "x", false).build())
                .addon(new AddOn("s", "sendgrid-x", "sendgrid", "sendgrid:starter", List.of("SENDGRID_API_KEY")))
                .addon(new AddOn("m", "mystery-x", "mystery", "mystery:free", List.of("MYSTERY_TOKEN")))
                .addon(new AddOn(
                        "pt", "papertrail-x", "papertrail", "papertrail:free", List.of("PAPERTRAIL_API_TOKEN")))
                .build();
        var estate = Estates.estate("d", "a", "acc", List.of(app), List.of(), List.of());
        EstateContext context = new EstateContext(estate, PlannerSettings.defaults());
        ConfigRule.Config config = ConfigRule.decide(context, app);
        switch (decision) {
            case "reference" -> assertThat(config.references()).containsEntry(name, detail);
            case "carried" -> assertThat(config.carried()).contains(name);
            default -> assertThat(config.dropped()).containsEntry(name, detail);
        }
        Step step = ConfigRule.step(context, app, config);
        var built = step.build();
        if (decision.equals("carried")) {
            assertThat(built.secrets()).containsKey(name);
            assertThat(Estates.BOX.open(built.secrets().get(name))).isEqualTo("FAKE-value");
        } else {
            assertThat(built.secrets()).doesNotContainKey(name);
        }
        if (decision.equals("reference")) {
            assertThat(built.parameters()).containsEntry("env." + name, detail);
        }
        if (decision.equals("dropped")) {
            assertThat(built.reason()).contains(name);
        }
    }
}
