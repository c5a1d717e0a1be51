package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the attachment lists against the demo estate, including {@code Accept-Inclusion}. */
@QuarkusTest
class AttachmentResourceTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void listsEveryAttachmentOfTheAccount() {
        List<Map<String, Object>> attachments = as(Api.DEMO_GLOBAL)
                .get("/addon-attachments")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Accept-Ranges", "id")
                .extract()
                .jsonPath()
                .getList("");
        assertThat(attachments)
                .extracting(
                        a -> a.get("name"),
                        a -> ((Map<?, ?>) a.get("app")).get("name"),
                        a -> ((Map<?, ?>) a.get("addon")).get("name"))
                .containsExactlyInAnyOrder(
                        tuple("DATABASE", "acme-shop", "postgresql-acme-shop-primary"),
                        tuple("DATABASE", "acme-admin", "postgresql-acme-shop-primary"),
                        tuple("REDIS", "acme-shop", "redis-acme-shop-queue"),
                        tuple("SENDGRID", "acme-shop", "sendgrid-acme-shop-mail"),
                        tuple("DATABASE", "acme-api-staging", "postgresql-acme-api-staging"),
                        tuple("DATABASE", "acme-api", "postgresql-acme-api-primary"),
                        tuple("HEROKU_POSTGRESQL_CHARCOAL", "acme-api", "postgresql-acme-api-follower"),
                        tuple("PAPERTRAIL", "acme-api", "papertrail-acme-api"),
                        tuple("DATABASE", "acme-payments", "postgresql-acme-payments"));
        assertThat(attachments.get(0))
                .containsOnlyKeys(
                        "addon",
                        "app",
                        "created_at",
                        "id",
                        "name",
                        "namespace",
                        "updated_at",
                        "web_url",
                        "log_input_url");
    }

    @Test
    void sharedAttachmentNamesTheBillingApp() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-admin/addon-attachments")
                .then()
                .statusCode(200)
                .header("Accept-Ranges", "id, name")
                .body("size()", equalTo(1))
                .body("[0].name", equalTo("DATABASE"))
                .body("[0].app.id", equalTo(Api.ACME_ADMIN_ID))
                .body("[0].addon.name", equalTo("postgresql-acme-shop-primary"))
                .body("[0].addon.app.name", equalTo("acme-shop"))
                .body("[0].addon.app.id", equalTo(Api.ACME_SHOP_ID))
                .body("[0].namespace", equalTo(null));
    }

    @Test
    void acceptInclusionAddsTheConfigVarsEachAttachmentProvides() {
        List<Map<String, Object>> attachments = as(Api.DEMO_GLOBAL)
                .header("Accept-Inclusion", "addon:plan,config_vars")
                .get("/apps/acme-shop/addon-attachments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(attachments)
                .extracting(a -> a.get("name"), a -> a.get("config_vars"))
                .containsExactlyInAnyOrder(
                        tuple("DATABASE", List.of("DATABASE_URL")),
                        tuple("REDIS", List.of("REDIS_URL")),
                        tuple("SENDGRID", List.of("SENDGRID_API_KEY")));
    }

    @Test
    void attachmentsOfUnknownAppAreNotFound() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/ghost/addon-attachments")
                .then()
                .statusCode(404)
                .body("message", equalTo("Couldn't find that app."));
    }
}
