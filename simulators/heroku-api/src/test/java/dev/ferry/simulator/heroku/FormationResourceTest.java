package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks formation lists and single process types against the demo estate. */
@QuarkusTest
class FormationResourceTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void listsEveryProcessTypeIncludingRelease() {
        JsonPath body = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/formation")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Accept-Ranges", "id, type")
                .extract()
                .jsonPath();
        List<Map<String, Object>> formation = body.getList("");
        assertThat(formation)
                .extracting(f -> f.get("type"), f -> f.get("command"), f -> f.get("quantity"), f -> f.get("size"))
                .containsExactlyInAnyOrder(
                        tuple("web", "bundle exec puma -C config/puma.rb", 2, "standard-1x"),
                        tuple("worker", "bundle exec sidekiq -C config/sidekiq.yml", 1, "standard-2x"),
                        tuple("release", "bundle exec rails db:migrate", 0, "standard-1x"));
        assertThat(body.getList("app.name")).containsOnly("acme-shop");
        assertThat(body.getList("app.id")).containsOnly(Api.ACME_SHOP_ID);
        assertThat(body.getList("dyno_size.name")).containsExactlyInAnyOrderElementsOf(body.getList("size"));
    }

    @Test
    void showsOneProcessTypeByTypeAndById() {
        String id = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/formation/worker")
                .then()
                .statusCode(200)
                .body("type", equalTo("worker"))
                .body("command", equalTo("bundle exec sidekiq -C config/sidekiq.yml"))
                .body("quantity", equalTo(1))
                .body("dyno_size.name", equalTo("standard-2x"))
                .body("app.name", equalTo("acme-shop"))
                .body("created_at", equalTo("2019-03-14T09:30:00Z"))
                .extract()
                .path("id");
        assertThat(id).matches(Api.UUID_PATTERN);
        as(Api.DEMO_GLOBAL)
                .get("/apps/" + Api.ACME_SHOP_ID + "/formation/" + id)
                .then()
                .statusCode(200)
                .body("type", equalTo("worker"));
    }

    @Test
    void adminAppRunsOnlyWeb() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-admin/formation")
                .then()
                .statusCode(200)
                .body("type", equalTo(List.of("web")))
                .body("[0].quantity", equalTo(1));
    }

    @Test
    void unknownProcessTypeIsNotFound() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/formation/clock")
                .then()
                .statusCode(404)
                .body("id", equalTo("not_found"))
                .body("message", equalTo("Couldn't find that formation."));
    }

    @Test
    void formationOfUnknownAppIsNotFound() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/ghost/formation")
                .then()
                .statusCode(404)
                .body("message", equalTo("Couldn't find that app."));
    }
}
