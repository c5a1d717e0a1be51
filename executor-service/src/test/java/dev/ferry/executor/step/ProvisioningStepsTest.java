package dev.ferry.executor.step;

import static dev.ferry.executor.step.StepTests.WAIT;
import static dev.ferry.executor.step.StepTests.step;
import static dev.ferry.executor.step.StepTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Environments, apps, databases, endpoints and log drains: ensure twice, conflicts, compensation, dry runs. */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(OidcTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_executor"))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = "simulators/aptible-api"),
            @ResourceArg(name = "property", value = "quarkus.rest-client.aptible.url")
        })
@WithTestResource(HerokuDouble.class)
class ProvisioningStepsTest {

    @ConfigProperty(name = "quarkus.rest-client.aptible.url")
    String aptible;

    @Inject
    EnsureEnvironmentStep environments;

    @Inject
    EnsureAppStep apps;

    @Inject
    EnsureDatabaseStep databases;

    @Inject
    EnsureEndpointStep endpoints;

    @Inject
    EnsureLogDrainStep logDrains;

    @Inject
    DeployAppStep deploys;

    @Inject
    SecretBox secrets;

    @AfterEach
    void noFaults() {
        StepTests.noFaults(aptible);
    }

    private String environment() {
        String env = unique("env");
        environments
                .ensure(new RecordingJournal().context(env, step("ensure-environment", Map.of("environment", env))))
                .await()
                .atMost(WAIT);
        return env;
    }

    @Test
    void ensureEnvironmentTwiceCreatesOnceAndCompensationDeletesOnlyWhatItCreated() {
        String env = unique("env");
        PlanStep step = step("ensure-environment", Map.of("environment", env, "stack", "ferry-dedicated-us-east-1"));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first =
                environments.ensure(journal.context(env, step)).await().atMost(WAIT);
        StepOutcome second =
                environments.ensure(journal.context(env, step)).await().atMost(WAIT);
        assertThat(first.outputs()).containsEntry("created", "true").containsEntry("environmentHandle", env);
        assertThat(second.summary()).contains("already exists");
        assertThat(second.outputs())
                .containsEntry("environmentId", first.outputs().get("environmentId"));
        assertThat(StepTests.state(aptible).getList("accounts.handles", String.class).stream()
                        .filter(env::equals))
                .hasSize(1);
        assertThat(journal.recorded).containsEntry("created", first.outputs().get("environmentId"));

        // Another migration that found it must not delete it.
        StepOutcome kept = environments
                .compensate(new RecordingJournal().context(env, step))
                .await()
                .atMost(WAIT);
        assertThat(kept.summary()).contains("existed before");
        assertThat(StepTests.state(aptible).getList("accounts.handles", String.class))
                .contains(env);

        StepOutcome deleted = environments
                .compensate(journal.context(env, step, Map.of(step.id(), first.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(deleted.summary()).isEqualTo("Deleted environment " + env);
        assertThat(StepTests.state(aptible).getList("accounts.handles", String.class))
                .doesNotContain(env);
    }

    @Test
    void anEnvironmentOnAnotherStackIsAConflictAndDryRunSaysSo() {
        String env = environment();
        PlanStep step = step("ensure-environment", Map.of("environment", env, "stack", "ferry-dedicated-us-east-1"));
        assertThatThrownBy(() -> environments
                        .ensure(new RecordingJournal().context(env, step))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("stack is shared-us-west-1, plan says ferry-dedicated-us-east-1")
                .satisfies(e -> assertThat(((StepException) e).retryable()).isFalse());
        assertThat(environments
                        .dryRun(new RecordingJournal().context(env, step))
                        .await()
                        .atMost(WAIT))
                .singleElement()
                .asString()
                .contains("different settings");
        assertThat(environments
                        .dryRun(new RecordingJournal()
                                .context(env, step("ensure-environment", Map.of("environment", "Bad Handle"))))
                        .await()
                        .atMost(WAIT))
                .containsExactly("Environment handle 'Bad Handle' is not a valid Aptible handle");
        assertThat(environments
                        .dryRun(new RecordingJournal()
                                .context(
                                        "x",
                                        step(
                                                "ensure-environment",
                                                Map.of("environment", unique("free"), "stack", "nowhere"))))
                        .await()
                        .atMost(WAIT))
                .containsExactly("Stack nowhere is not visible to this token");
        assertThat(environments
                        .dryRun(new RecordingJournal()
                                .context("x", step("ensure-environment", Map.of("environment", unique("free")))))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
    }

    @Test
    void ensureAppTwiceCreatesOnceAndCompensationDeprovisionsIt() {
        String env = environment();
        String app = unique("web");
        PlanStep step = step("ensure-app", Map.of("environment", env, "app", app));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first = apps.ensure(journal.context(env, step)).await().atMost(WAIT);
        StepOutcome second = apps.ensure(journal.context(env, step)).await().atMost(WAIT);
        assertThat(first.outputs()).containsEntry("created", "true");
        assertThat(second.outputs()).containsEntry("appId", first.outputs().get("appId"));
        assertThat(StepTests.state(aptible).getList("apps.by_account." + env, String.class))
                .containsExactly(app);

        StepOutcome undone = apps.compensate(journal.context(env, step, Map.of(step.id(), first.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(undone.summary()).startsWith("Deprovisioned app " + app);
        assertThat(StepTests.state(aptible).getList("apps.deprovisioned", String.class))
                .contains(app);
        // Compensating again is harmless.
        assertThat(apps.compensate(journal.context(env, step, Map.of(step.id(), first.outputs())))
                        .await()
                        .atMost(WAIT)
                        .summary())
                .contains("already gone");
    }

    @Test
    void ensureDatabaseProvisionsOnceResumesARecordedOperationAndRefusesOtherSettings() {
        String env = environment();
        String handle = unique("db");
        PlanStep step = step(
                "ensure-database",
                Map.of(
                        "environment",
                        env,
                        "handle",
                        handle,
                        "engine",
                        "postgresql",
                        "version",
                        "14",
                        "diskSizeGb",
                        "20",
                        "containerSizeMb",
                        "2048"));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first = databases.ensure(journal.context(env, step)).await().atMost(WAIT);
        StepOutcome second =
                databases.ensure(journal.context(env, step)).await().atMost(WAIT);
        assertThat(first.summary()).contains("Created and provisioned database " + handle);
        assertThat(second.summary()).contains("already provisioned");
        assertThat(first.outputs()).containsKeys("databaseId", "operationId").doesNotContainKey("connectionUrl");
        assertThat(first.outputs().values()).noneMatch(v -> v.contains("postgresql://"));
        assertThat(journal.recorded).containsEntry("provision", first.outputs().get("operationId"));
        String token = StepTests.token(aptible);
        String dbPath = "/databases/" + first.outputs().get("databaseId");
        assertThat(StepTests.get(aptible, token, dbPath + "/operations").getList("_embedded.operations.type"))
                .containsExactly("provision");
        assertThat(StepTests.state(aptible).getList("databases.by_account." + env, String.class))
                .containsExactly(handle);

        PlanStep other = step(
                "ensure-database",
                Map.of(
                        "environment",
                        env,
                        "handle",
                        handle,
                        "engine",
                        "postgresql",
                        "version",
                        "16",
                        "diskSizeGb",
                        "10",
                        "containerSizeMb",
                        "2048"));
        assertThatThrownBy(() -> databases
                        .ensure(new RecordingJournal().context(env, other))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("disk is 20 GB, plan says 10 GB")
                .hasMessageContaining("version is 14, plan says 16");
        assertThat(databases
                        .dryRun(new RecordingJournal().context(env, other))
                        .await()
                        .atMost(WAIT))
                .singleElement()
                .asString()
                .contains("already exists with different settings");

        StepOutcome undone = databases
                .compensate(journal.context(env, step, Map.of(step.id(), first.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(undone.summary()).startsWith("Deprovisioned database " + handle);
        assertThat(StepTests.status(aptible, token, dbPath)).isEqualTo(404);
    }

    @Test
    void aProvisionStartedBeforeACrashIsAdoptedNotRepeated() {
        String env = environment();
        String handle = unique("redis");
        PlanStep step = step(
                "ensure-database",
                Map.of(
                        "environment",
                        env,
                        "handle",
                        handle,
                        "engine",
                        "redis",
                        "version",
                        "7.0",
                        "diskSizeGb",
                        "10",
                        "containerSizeMb",
                        "1024"));
        StepTests.faults(aptible, Map.of("operation_latency_ms", Map.of("provision", 1500)));
        // The first attempt dies right after Aptible accepted the provision, before recording it.
        String token = StepTests.token(aptible);
        long accountId =
                StepTests.get(aptible, token, "/find/account?handle=" + env).getLong("id");
        long dbId = io.restassured.RestAssured.given()
                .baseUri(aptible)
                .auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of(
                        "handle", handle, "type", "redis", "initial_disk_size", 10, "initial_container_size", 1024))
                .post("/accounts/" + accountId + "/databases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long opId = io.restassured.RestAssured.given()
                .baseUri(aptible)
                .auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("type", "provision"))
                .post("/databases/" + dbId + "/operations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        RecordingJournal journal = new RecordingJournal();
        StepOutcome outcome =
                databases.ensure(journal.context(env, step)).await().atMost(WAIT);
        assertThat(outcome.outputs()).containsEntry("operationId", Long.toString(opId));
        assertThat(journal.recorded).containsEntry("provision", Long.toString(opId));
        assertThat(StepTests.get(aptible, token, "/databases/" + dbId + "/operations")
                        .getList("_embedded.operations"))
                .hasSize(1);
    }

    @Test
    void aFailedProvisionIsARetryableErrorNamingTheOperation() {
        String env = environment();
        StepTests.faults(aptible, Map.of("fail_operation_types", List.of("provision")));
        PlanStep step = step(
                "ensure-database",
                Map.of("environment", env, "handle", unique("db"), "engine", "postgresql", "version", "15"));
        assertThatThrownBy(() -> databases
                        .ensure(new RecordingJournal().context(env, step))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessageMatching("Aptible provision operation \\d+ on database .* failed; its log: .*")
                .satisfies(e -> assertThat(((StepException) e).retryable()).isTrue());
        assertThat(databases
                        .dryRun(new RecordingJournal()
                                .context(
                                        env,
                                        step(
                                                "ensure-database",
                                                Map.of(
                                                        "environment",
                                                        env,
                                                        "handle",
                                                        "x",
                                                        "engine",
                                                        "postgresql",
                                                        "version",
                                                        "9.1"))))
                        .await()
                        .atMost(WAIT))
                .containsExactly("Aptible offers no postgresql 9.1 image");
    }

    private String deployedApp(String env) {
        String app = unique("shop");
        apps.ensure(new RecordingJournal().context(env, step("ensure-app", Map.of("environment", env, "app", app))))
                .await()
                .atMost(WAIT);
        deploys.ensure(new RecordingJournal()
                        .context(
                                env,
                                step(
                                        "deploy-app",
                                        Map.of("app", app, "image", "ghcr.io/acme/shop:2", "services", "web=bin/web"))))
                .await()
                .atMost(WAIT);
        return app;
    }

    @Test
    void ensureEndpointCreatesOneManagedTlsEndpointAndRefusesAnotherPlacement() {
        String env = environment();
        String app = deployedApp(env);
        Map<String, String> params = Map.of(
                "app",
                app,
                "service",
                "web",
                "kind",
                "https",
                "internal",
                "false",
                "domains",
                "shop.example.com",
                "managedTls",
                "true",
                "ipAllowlist",
                "203.0.113.0/24");
        PlanStep step = step("ensure-endpoint", params);
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first = endpoints.ensure(journal.context(env, step)).await().atMost(WAIT);
        StepOutcome second =
                endpoints.ensure(journal.context(env, step)).await().atMost(WAIT);
        assertThat(first.outputs().get("hostname")).startsWith("elb-");
        assertThat(first.outputs()).containsEntry("dnsValidationHost", "_acme-challenge.shop.example.com");
        assertThat(second.summary()).contains("already provisioned");
        assertThat(StepTests.state(aptible).getInt("vhosts.by_status.provisioned"))
                .isGreaterThanOrEqualTo(1);

        PlanStep internal = step("ensure-endpoint", new java.util.HashMap<>(params) {
            {
                put("internal", "true");
            }
        });
        assertThatThrownBy(() -> endpoints
                        .ensure(new RecordingJournal().context(env, internal))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("it is external, plan says internal");
        assertThat(endpoints
                        .dryRun(new RecordingJournal()
                                .context(
                                        env,
                                        step(
                                                "ensure-endpoint",
                                                Map.of(
                                                        "app",
                                                        app,
                                                        "service",
                                                        "web",
                                                        "domains",
                                                        "a.example.com,b.example.com"))))
                        .await()
                        .atMost(WAIT))
                .singleElement()
                .asString()
                .contains("one endpoint per domain");

        endpoints
                .compensate(journal.context(env, step, Map.of(step.id(), first.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(StepTests.status(
                        aptible,
                        StepTests.token(aptible),
                        "/vhosts/" + first.outputs().get("endpointId")))
                .isEqualTo(404);
    }

    @Test
    void ensureLogDrainKeepsItsUrlSecretAndCreatesOnce() {
        String env = environment();
        String handle = unique("drain");
        String url = "https://http-intake.logs.example.com/v1/input/FAKE-drain-token";
        PlanStep step = step(
                "ensure-log-drain",
                Map.of("environment", env, "handle", handle, "drainType", "datadog"),
                Map.of("url", secrets.seal(url)));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first = logDrains.ensure(journal.context(env, step)).await().atMost(WAIT);
        StepOutcome second =
                logDrains.ensure(journal.context(env, step)).await().atMost(WAIT);
        assertThat(first.outputs()).containsEntry("created", "true");
        assertThat(second.summary()).contains("already provisioned");
        assertThat(first.toString() + second + journal.lines).doesNotContain("FAKE-drain-token");
        assertThat(StepTests.state(aptible).getList("log_drains.handles", String.class).stream()
                        .filter(handle::equals))
                .hasSize(1);

        PlanStep elsewhere = step(
                "ensure-log-drain",
                Map.of("environment", env, "handle", handle, "drainType", "datadog"),
                Map.of("url", secrets.seal("https://other.example.com/in")));
        assertThatThrownBy(() -> logDrains
                        .ensure(new RecordingJournal().context(env, elsewhere))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("url differs")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("FAKE-drain-token")
                        .doesNotContain("other.example.com"));

        logDrains
                .compensate(journal.context(env, step, Map.of(step.id(), first.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(StepTests.state(aptible).getList("log_drains.handles", String.class))
                .doesNotContain(handle);
    }
}
