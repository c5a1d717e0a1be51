package dev.ferry.simulator.aptible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks accounts and apps: creation, links, handles, look-ups, errors and paging. */
@QuarkusTest
class ResourceTest {

    private String token;

    @BeforeEach
    void login() {
        token = Api.token();
    }

    @Test
    void createsEnvironmentWithRealFieldsAndAbsoluteLinks() {
        String handle = Api.unique("acme-prod");
        JsonPath account = Api.as(token)
                .body(Map.of("handle", handle, "type", "production", "stack_id", 2))
                .post("/accounts")
                .then()
                .statusCode(201)
                .contentType("application/hal+json")
                .extract()
                .jsonPath();

        long id = account.getLong("id");
        String base = Api.baseUrl();
        assertThat(account.getString("_type")).isEqualTo("account");
        assertThat(account.getString("handle")).isEqualTo(handle);
        assertThat(account.getString("type")).isEqualTo("production");
        assertThat(account.getString("number")).matches("\\d{4}-\\d{4}-\\d{4}");
        assertThat(account.getBoolean("activated")).isTrue();
        assertThat(account.getInt("total_app_count")).isZero();
        assertThat(account.getString("sweetness_stack")).isEqualTo("ferry-dedicated-us-east-1");
        assertThat(account.getList("_embedded.log_drains")).isEmpty();
        assertThat(account.getString("_links.self.href")).isEqualTo(base + "/accounts/" + id);
        assertThat(account.getString("_links.apps.href")).isEqualTo(base + "/accounts/" + id + "/apps");
        assertThat(account.getString("_links.stack.href")).isEqualTo(base + "/stacks/2");
        Api.as(token)
                .get(account.getString("_links.stack.href"))
                .then()
                .statusCode(200)
                .body("name", equalTo("ferry-dedicated-us-east-1"));
        Api.as(token)
                .get(account.getString("_links.databases.href"))
                .then()
                .statusCode(200)
                .body("total_count", equalTo(0))
                .body("_embedded.databases.size()", equalTo(0));
        Api.as(token).get("/accounts/" + id).then().statusCode(200).body("handle", equalTo(handle));
    }

    @Test
    void environmentTypeFollowsTheStackAndStackMayBeAnHref() {
        JsonPath shared = Api.as(token)
                .body(Map.of("handle", Api.unique("dev")))
                .post("/accounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(shared.getString("type")).isEqualTo("development");
        assertThat(shared.getString("_links.stack.href")).endsWith("/stacks/1");

        JsonPath dedicated = Api.as(token)
                .body(Map.of("handle", Api.unique("prod"), "stack", Api.baseUrl() + "/stacks/2"))
                .post("/accounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(dedicated.getString("type")).isEqualTo("production");
    }

    @Test
    void createsAppThatLinksToItsAccountAndCollections() {
        String envHandle = Api.unique("env");
        long accountId = Api.createAccount(token, envHandle).getLong("id");
        JsonPath app = Api.createApp(token, accountId, "web");

        long appId = app.getLong("id");
        String base = Api.baseUrl();
        assertThat(app.getString("_type")).isEqualTo("app");
        assertThat(app.getString("status")).isEqualTo("pending");
        assertThat(app.getString("git_repo")).isEqualTo("git@beta.aptible.com:" + envHandle + "/web.git");
        assertThat(app.getString("deployment_method")).isNull();
        assertThat(app.getList("_embedded.services")).isEmpty();
        assertThat(app.getString("_links.self.href")).isEqualTo(base + "/apps/" + appId);
        assertThat(app.getString("_links.account.href")).isEqualTo(base + "/accounts/" + accountId);
        assertThat(app.getString("_links.operations.href")).isEqualTo(base + "/apps/" + appId + "/operations");
        assertThat(app.getString("_links.services.href")).isEqualTo(base + "/apps/" + appId + "/services");
        assertThat(app.getMap("_links")).doesNotContainKey("current_configuration");

        JsonPath listed = Api.as(token)
                .get("/accounts/" + accountId + "/apps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(listed.getList("_embedded.apps.handle")).containsExactly("web");
        assertThat(listed.getString("_links.account.href")).isEqualTo(base + "/accounts/" + accountId);
        Api.as(token).get("/accounts/" + accountId).then().body("total_app_count", equalTo(1));
    }

    @Test
    void duplicateHandlesAreUnprocessable() {
        String envHandle = Api.unique("dup");
        long accountId = Api.createAccount(token, envHandle).getLong("id");
        Api.as(token)
                .body(Map.of("handle", envHandle, "type", "development"))
                .post("/accounts")
                .then()
                .statusCode(422)
                .body("code", equalTo(422))
                .body("error", equalTo("unprocessable_entity"))
                .body("message", equalTo("Handle has already been taken"));

        Api.createApp(token, accountId, "api");
        Api.as(token)
                .body(Map.of("handle", "api"))
                .post("/accounts/" + accountId + "/apps")
                .then()
                .statusCode(422)
                .body("code", equalTo(422))
                .body("error", equalTo("unprocessable_entity"))
                .body("message", equalTo("Handle has already been taken"));

        long otherAccount = Api.createAccount(token, Api.unique("other")).getLong("id");
        Api.createApp(token, otherAccount, "api");
    }

    @Test
    void malformedAndInvalidBodiesAreRejected() {
        Api.as(token)
                .body("{\"handle\": ")
                .post("/accounts")
                .then()
                .statusCode(400)
                .body("code", equalTo(400))
                .body("error", equalTo("bad_request"));
        Api.as(token).body("[1,2]").post("/accounts").then().statusCode(400).body("error", equalTo("bad_request"));
        Api.as(token)
                .body(Map.of("type", "development"))
                .post("/accounts")
                .then()
                .statusCode(422)
                .body("message", equalTo("Handle can't be blank"));
        Api.as(token)
                .body(Map.of("handle", "Not Valid!"))
                .post("/accounts")
                .then()
                .statusCode(422)
                .body("error", equalTo("unprocessable_entity"));
        Api.as(token)
                .body(Map.of("handle", Api.unique("x"), "type", "staging"))
                .post("/accounts")
                .then()
                .statusCode(422)
                .body("message", equalTo("Type is not included in the list"));
        Api.as(token)
                .body(Map.of("handle", 42))
                .post("/accounts")
                .then()
                .statusCode(422)
                .body("message", equalTo("handle must be a string"));
    }

    @Test
    void unknownIdsAnswer404InTheErrorShape() {
        for (String path : List.of(
                "/accounts/999999",
                "/apps/999999",
                "/operations/999999",
                "/configurations/999999",
                "/services/999999",
                "/accounts/999999/apps",
                "/apps/999999/operations",
                "/no/such/path")) {
            Api.as(token)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/hal+json")
                    .body("code", equalTo(404))
                    .body("error", equalTo("not_found"));
        }
        Api.as(token)
                .body(Map.of("handle", "web"))
                .post("/accounts/999999/apps")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void findsEnvironmentAndAppByHandle() {
        String envA = Api.unique("find-a");
        String envB = Api.unique("find-b");
        long accountA = Api.createAccount(token, envA).getLong("id");
        long accountB = Api.createAccount(token, envB).getLong("id");
        String appHandle = Api.unique("worker");
        long appA = Api.createApp(token, accountA, appHandle).getLong("id");
        long appB = Api.createApp(token, accountB, appHandle).getLong("id");

        Api.as(token)
                .queryParam("handle", envA)
                .get("/find/account")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) accountA));
        Api.as(token)
                .queryParam("handle", appHandle)
                .queryParam("environment", envB)
                .get("/find/app")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) appB))
                .body("_links.account.href", equalTo(Api.baseUrl() + "/accounts/" + accountB));
        Api.as(token)
                .queryParam("handle", appHandle)
                .get("/find/app")
                .then()
                .statusCode(409)
                .body("error", equalTo("multiple_resources_found"));
        Api.as(token)
                .queryParam("handle", "no-such-app")
                .queryParam("environment", envA)
                .get("/find/app")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        Api.as(token)
                .queryParam("handle", "no-such-env")
                .get("/find/account")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        assertThat(appA).isNotEqualTo(appB);
    }

    @Test
    void pagesCollectionsWithNextAndPrevLinks() {
        long accountId = Api.createAccount(token, Api.unique("paging")).getLong("id");
        for (int i = 1; i <= 5; i++) {
            Api.createApp(token, accountId, "app-" + i);
        }
        String path = "/accounts/" + accountId + "/apps";
        String base = Api.baseUrl();

        JsonPath first = Api.as(token)
                .queryParam("per_page", 2)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getInt("total_count")).isEqualTo(5);
        assertThat(first.getInt("per_page")).isEqualTo(2);
        assertThat(first.getInt("current_page")).isEqualTo(1);
        assertThat(first.getList("_embedded.apps.handle")).containsExactly("app-5", "app-4");
        assertThat(first.getString("_links.self.href")).isEqualTo(base + path + "?page=1&per_page=2");
        assertThat(first.getString("_links.next.href")).isEqualTo(base + path + "?page=2&per_page=2");
        assertThat(first.getMap("_links")).doesNotContainKey("prev");

        JsonPath second = Api.as(token)
                .get(first.getString("_links.next.href"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(second.getList("_embedded.apps.handle")).containsExactly("app-3", "app-2");
        JsonPath last = Api.as(token)
                .get(second.getString("_links.next.href"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(last.getList("_embedded.apps.handle")).containsExactly("app-1");
        assertThat(last.getString("_links.prev.href")).isEqualTo(base + path + "?page=2&per_page=2");
        assertThat(last.getMap("_links")).doesNotContainKey("next");

        JsonPath defaults =
                Api.as(token).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(defaults.getInt("per_page")).isEqualTo(40);
        assertThat(defaults.getString("_links.self.href")).isEqualTo(base + path + "?page=1");

        Api.as(token)
                .queryParam("page", "zero")
                .get(path)
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"));
    }

    @Test
    void noEmbedDropsEmbeddedResources() {
        long accountId = Api.createAccount(token, Api.unique("embed")).getLong("id");
        long appId = Api.createApp(token, accountId, "web").getLong("id");
        JsonPath app = Api.as(token)
                .queryParam("no_embed", "true")
                .get("/apps/" + appId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(app.getMap("$")).doesNotContainKey("_embedded").containsKey("_links");
    }
}
