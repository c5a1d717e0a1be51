package dev.ferry.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.inventory.AddOn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A plan's tier comes from its slug, for Heroku Postgres and Redis only. */
class PlanTierTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "heroku-postgresql, heroku-postgresql:essential-0, essential",
                "heroku-postgresql, heroku-postgresql:standard-0, standard",
                "heroku-postgresql, heroku-postgresql:standard-2, standard",
                "heroku-postgresql, heroku-postgresql:premium-9, premium",
                "heroku-postgresql, heroku-postgresql:private-4, private",
                "heroku-postgresql, heroku-postgresql:shield-0, shield",
                "heroku-postgresql, heroku-postgresql:mini, mini",
                "heroku-postgresql, heroku-postgresql:basic, basic",
                "heroku-postgresql, heroku-postgresql:hobby-dev, hobby",
                "heroku-postgresql, heroku-postgresql:hobby-basic, hobby",
                "heroku-postgresql, heroku-postgresql:Standard-0, standard",
                "heroku-redis, heroku-redis:mini, mini",
                "heroku-redis, heroku-redis:premium-0, premium",
                "heroku-redis, heroku-redis:private-7, private",
                "heroku-redis, heroku-redis:shield-3, shield",
                "heroku-redis, heroku-redis:hobby-dev, hobby",
                // unknown shapes and other services
                "heroku-postgresql, heroku-postgresql:standard, null",
                "heroku-postgresql, heroku-postgresql:galactic-0, null",
                "heroku-postgresql, heroku-postgresql:, null",
                "heroku-postgresql, standard-0, null",
                "heroku-postgresql, heroku-redis:premium-0, null",
                "heroku-postgresql, null, null",
                "null, heroku-postgresql:standard-0, null",
                "sendgrid, sendgrid:starter, null",
                "papertrail, papertrail:choklad, null",
                "heroku-kafka, heroku-kafka:standard-0, null"
            })
    void theTierIsTheSlugsFamily(String service, String plan, String tier) {
        assertThat(PlanTier.of(service, plan)).isEqualTo(tier);
    }

    @Test
    void theViewOfAnAddOnCarriesItsTier() {
        AddOn shield = new AddOn(
                "id-1",
                "postgresql-payments",
                "heroku-postgresql",
                "heroku-postgresql:shield-0",
                List.of("DATABASE_URL"));
        AddOnView view = AddOnView.of(shield);
        assertThat(view.tier()).isEqualTo("shield");
        assertThat(view.plan()).isEqualTo("heroku-postgresql:shield-0");
        assertThat(view.configVars()).containsExactly("DATABASE_URL");
    }

    @Test
    void anAppViewStoredBeforeTiersExistedGetsThemWhenRead() {
        String stored = """
                {"id": "app-1", "name": "acme-shop", "formation": [], "configVars": [],
                 "addons": [
                   {"id": "a1", "name": "redis-acme", "service": "heroku-redis", "plan": "heroku-redis:premium-0",
                    "configVars": ["REDIS_URL"]},
                   {"id": "a2", "name": "mail", "service": "sendgrid", "plan": "sendgrid:starter",
                    "configVars": []}]}
                """;
        AppView view = ProjectionJson.read(stored, AppView.class);
        assertThat(view.addons()).extracting(AddOnView::tier).containsExactly("premium", null);
        assertThat(ProjectionJson.write(view)).contains("\"tier\":\"premium\"");
    }
}
