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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Configuration with database references, deploys and scaling: ensure twice, verification, rollback. */
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
class AppStepsTest {

    @ConfigProperty(name = "quarkus.rest-client.aptible.url")
    String aptible;

    @Inject
    EnsureEnvironmentStep environments;

    @Inject
    EnsureAppStep apps;

    @Inject
    EnsureDatabaseStep databases;

    @Inject
    ConfigureAppStep configure;

    @Inject
    DeployAppStep deploys;

    @Inject
    ScaleServiceStep scale;

    @Inject
    SecretBox secrets;

    private String env;
    private String app;
    private String token;

    @BeforeEach
    void environmentAndApp() {
        env = unique("env");
        app = unique("shop");
        environments
                .ensure(new RecordingJournal().context(env, step("ensure-environment", Map.of("environment", env))))
                .await()
                .atMost(WAIT);
        apps.ensure(new RecordingJournal().context(env, step("ensure-app", Map.of("environment", env, "app", app))))
                .await()
                .atMost(WAIT);
        token = StepTests.token(aptible);
    }

    @AfterEach
    void noFaults() {
        StepTests.noFaults(aptible);
    }

    private Map<String, String> currentEnv() {
        JsonPath a = StepTests.get(aptible, token, "/find/app?handle=" + app + "&environment=" + env);
        String href = a.getString("_links.current_configuration.href");
        return href == null
                ? Map.of()
                : StepTests.get(aptible, token, href.replace(aptible, "")).getMap("env");
    }

    private long operations(String type) {
        long appId = StepTests.get(aptible, token, "/find/app?handle=" + app + "&environment=" + env)
                .getLong("id");
        return StepTests.get(aptible, token, "/apps/" + appId + "/operations")
                .getList("_embedded.operations.type")
                .stream()
                .filter(type::equals)
                .count();
    }

    @Test
    void configureResolvesDatabaseReferencesKeepsValuesOutOfOutputsAndConfiguresOnce() {
        String db = unique("pg");
        database(db, "postgresql", "16");
        PlanStep step = step(
                "configure-app",
                Map.of("app", app, "env.DATABASE_URL", "database:" + db, "env.RAILS_ENV", "production"),
                Map.of("SECRET_KEY_BASE", secrets.seal("FAKE-secret-key-base")));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first = configure.ensure(journal.context(env, step)).await().atMost(WAIT);
        StepOutcome second =
                configure.ensure(journal.context(env, step)).await().atMost(WAIT);

        Map<String, String> config = currentEnv();
        assertThat(config.get("DATABASE_URL")).startsWith("postgresql://aptible:");
        assertThat(config)
                .containsEntry("RAILS_ENV", "production")
                .containsEntry("SECRET_KEY_BASE", "FAKE-secret-key-base");
        assertThat(first.summary())
                .isEqualTo("Set 3 variables on " + app + " (operation "
                        + first.outputs().get("operationId") + ")");
        assertThat(first.outputs()).containsEntry("variables", "DATABASE_URL,RAILS_ENV,SECRET_KEY_BASE");
        String everything = first + " " + second + " " + journal.lines;
        assertThat(everything).doesNotContain(config.get("DATABASE_URL")).doesNotContain("FAKE-secret-key-base");
        assertThat(second.summary()).contains("already has its 3 variables");
        assertThat(operations("configure")).isEqualTo(1);

        // Rollback restores the configuration it replaced: the app had none.
        StepOutcome undone = configure
                .compensate(journal.context(env, step, Map.of(step.id(), first.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(undone.summary()).startsWith("Restored 3 variables of " + app);
        assertThat(currentEnv()).doesNotContainKeys("DATABASE_URL", "RAILS_ENV", "SECRET_KEY_BASE");
        assertThat(operations("configure")).isEqualTo(2);
    }

    @Test
    void configureUnsetsNamesAndRollbackPutsBackThePreviousValues() {
        configure
                .ensure(new RecordingJournal()
                        .context(env, step("configure-app", Map.of("app", app, "env.LEGACY", "old", "env.KEEP", "k"))))
                .await()
                .atMost(WAIT);
        PlanStep step = step("configure-app", Map.of("app", app, "env.KEEP", "new", "unset", "LEGACY"));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome outcome =
                configure.ensure(journal.context(env, step)).await().atMost(WAIT);
        assertThat(currentEnv()).containsEntry("KEEP", "new").doesNotContainKey("LEGACY");
        assertThat(outcome.summary()).contains("Set 1 variables").contains("removed 1");
        configure
                .compensate(journal.context(env, step, Map.of(step.id(), outcome.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(currentEnv()).containsEntry("KEEP", "k").containsEntry("LEGACY", "old");
    }

    @Test
    void aDatabaseReferenceToAMissingDatabaseIsRetryableAndLeaksNothing() {
        PlanStep step = step("configure-app", Map.of("app", app, "env.DATABASE_URL", "database:nope"));
        assertThatThrownBy(() -> configure
                        .ensure(new RecordingJournal().context(env, step))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("Database nope does not exist in " + env)
                .satisfies(e -> assertThat(((StepException) e).retryable()).isTrue());
        assertThat(operations("configure")).isZero();
    }

    private void database(String handle, String engine, String version) {
        databases
                .ensure(new RecordingJournal()
                        .context(
                                env,
                                step(
                                        "ensure-database",
                                        Map.of(
                                                "environment",
                                                env,
                                                "handle",
                                                handle,
                                                "engine",
                                                engine,
                                                "version",
                                                version))))
                .await()
                .atMost(WAIT);
    }

    @Test
    void aCredentialTypeSetsTheUrlOfThatCredentialAndKeepsItOutOfOutputs() {
        String db = unique("redis");
        database(db, "redis", "7.0");
        PlanStep step = step(
                "configure-app",
                Map.of(
                        "app",
                        app,
                        "env.REDIS_URL",
                        "database:" + db,
                        "env.REDIS_TLS_URL",
                        "database:" + db,
                        "credential.REDIS_TLS_URL",
                        "redis+ssl"));
        assertThat(configure
                        .dryRun(new RecordingJournal().context(env, step))
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        RecordingJournal journal = new RecordingJournal();
        StepOutcome outcome =
                configure.ensure(journal.context(env, step)).await().atMost(WAIT);

        Map<String, String> config = currentEnv();
        String plain = config.get("REDIS_URL");
        assertThat(plain).startsWith("redis://");
        assertThat(config.get("REDIS_TLS_URL")).isEqualTo("rediss://" + plain.substring("redis://".length()));
        assertThat(outcome.outputs()).containsEntry("variables", "REDIS_TLS_URL,REDIS_URL");
        assertThat(outcome + " " + journal.lines)
                .doesNotContain(plain)
                .doesNotContain(config.get("REDIS_TLS_URL"))
                .doesNotContain("rediss://");
        assertThat(configure
                        .ensure(journal.context(env, step))
                        .await()
                        .atMost(WAIT)
                        .summary())
                .contains("already has its 2 variables");
    }

    @Test
    void aCredentialTypeTheDatabaseLacksFailsNamingTheTypesItHasAndConfiguresNothing() {
        String db = unique("pg");
        database(db, "postgresql", "16");
        PlanStep step = step(
                "configure-app",
                Map.of("app", app, "env.REDIS_TLS_URL", "database:" + db, "credential.REDIS_TLS_URL", "redis+ssl"));
        assertThatThrownBy(() -> configure
                        .ensure(new RecordingJournal().context(env, step))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessage("Database " + db + " has no credential of type redis+ssl for REDIS_TLS_URL"
                        + " (its credential types: postgresql)")
                .satisfies(e -> assertThat(((StepException) e).retryable()).isFalse());
        assertThat(operations("configure")).isZero();
        assertThat(currentEnv()).doesNotContainKey("REDIS_TLS_URL");
    }

    @Test
    void aCredentialTypeWithoutADatabaseReferenceIsAProblemInDryRunAndFailsTheStep() {
        PlanStep step = step(
                "configure-app", Map.of("app", app, "env.CACHE_URL", "literal", "credential.CACHE_URL", "redis+ssl"));
        String problem = "credential.CACHE_URL = redis+ssl but env.CACHE_URL is not a database:<handle> reference";
        assertThat(configure
                        .dryRun(new RecordingJournal().context(env, step))
                        .await()
                        .atMost(WAIT))
                .containsExactly(problem);
        assertThatThrownBy(() -> configure
                        .ensure(new RecordingJournal().context(env, step))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessage(problem)
                .satisfies(e -> assertThat(((StepException) e).retryable()).isFalse());
        assertThat(operations("configure")).isZero();
    }

    @Test
    void deployOnceThenScaleAndScaleBack() {
        PlanStep deploy = step(
                "deploy-app",
                Map.of("app", app, "image", "ghcr.io/acme/shop:7", "services", "web=bin/web;worker=bin/jobs"));
        RecordingJournal deployJournal = new RecordingJournal();
        StepOutcome first =
                deploys.ensure(deployJournal.context(env, deploy)).await().atMost(WAIT);
        StepOutcome second = deploys.ensure(new RecordingJournal().context(env, deploy))
                .await()
                .atMost(WAIT);
        assertThat(first.outputs()).containsEntry("services", "web,worker");
        assertThat(second.summary()).contains("already runs ghcr.io/acme/shop:7");
        assertThat(operations("deploy")).isEqualTo(1);
        assertThat(deploys.dryRun(new RecordingJournal().context(env, step("deploy-app", Map.of("app", app))))
                        .await()
                        .atMost(WAIT))
                .singleElement()
                .asString()
                .contains("needs exactly one of 'image' and 'gitRef'");

        PlanStep up = step(
                "scale-service",
                Map.of(
                        "app",
                        app,
                        "service",
                        "worker",
                        "containerCount",
                        "3",
                        "containerSizeMb",
                        "2048",
                        "profile",
                        "c"));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome scaled = scale.ensure(journal.context(env, up)).await().atMost(WAIT);
        assertThat(scaled.outputs())
                .containsEntry("previousCount", "1")
                .containsEntry("previousSizeMb", "1024")
                .containsEntry("previousProfile", "m");
        assertThat(journal.recorded).containsEntry("previous-scale", "1/1024/m");
        JsonPath worker = service("worker");
        assertThat(worker.getInt("container_count")).isEqualTo(3);
        assertThat(worker.getInt("container_memory_limit_mb")).isEqualTo(2048);
        assertThat(worker.getString("instance_class")).isEqualTo("c5");
        assertThat(scale.ensure(journal.context(env, up)).await().atMost(WAIT).summary())
                .contains("already runs");

        scale.compensate(journal.context(env, up, Map.of(up.id(), scaled.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(service("worker").getInt("container_count")).isEqualTo(1);
        assertThat(scale.dryRun(new RecordingJournal()
                                .context(
                                        env,
                                        step(
                                                "scale-service",
                                                Map.of("app", app, "service", "web", "containerSizeMb", "1000"))))
                        .await()
                        .atMost(WAIT))
                .singleElement()
                .asString()
                .contains("'containerSizeMb' is '1000'");
    }

    @Test
    void zeroDowntimeDeploySetsForceZeroDowntimeOnTheWorkerNotOnWebAndAReRunPatchesNothing() {
        PlanStep deploy = step(
                "deploy-app",
                Map.of(
                        "app",
                        app,
                        "image",
                        "ghcr.io/acme/shop:8",
                        "services",
                        "web=bin/web;worker=bin/jobs",
                        "zeroDowntime",
                        "true"));
        StepOutcome first = deploys.ensure(new RecordingJournal().context(env, deploy))
                .await()
                .atMost(WAIT);
        assertThat(first.summary())
                .contains("Deployed ghcr.io/acme/shop:8")
                .endsWith("force_zero_downtime set on worker");
        JsonPath worker = service("worker");
        assertThat(worker.getBoolean("force_zero_downtime")).isTrue();
        assertThat(service("web").getBoolean("force_zero_downtime")).isFalse();

        StepOutcome second = deploys.ensure(new RecordingJournal().context(env, deploy))
                .await()
                .atMost(WAIT);
        assertThat(second.summary())
                .contains("already runs ghcr.io/acme/shop:8")
                .endsWith("force_zero_downtime already set where it applies");
        assertThat(service("worker").getString("updated_at")).isEqualTo(worker.getString("updated_at"));
        assertThat(service("web").getBoolean("force_zero_downtime")).isFalse();
        assertThat(operations("deploy")).isEqualTo(1);
    }

    @Test
    void withoutZeroDowntimeServicesStayUntouchedAndAServiceBehindAnEndpointIsSkipped() {
        Map<String, String> parameters = Map.of(
                "app", app, "image", "ghcr.io/acme/shop:9", "services", "web=bin/web;worker=bin/jobs;api=bin/api");
        StepOutcome plain = deploys.ensure(new RecordingJournal().context(env, step("deploy-app", parameters)))
                .await()
                .atMost(WAIT);
        assertThat(plain.summary()).doesNotContain("force_zero_downtime");
        JsonPath worker = service("worker");
        assertThat(worker.getBoolean("force_zero_downtime")).isFalse();
        assertThat(service("web").getBoolean("force_zero_downtime")).isFalse();
        assertThat(service("api").getBoolean("force_zero_downtime")).isFalse();
        assertThat(deploys.ensure(new RecordingJournal().context(env, step("deploy-app", parameters)))
                        .await()
                        .atMost(WAIT)
                        .summary())
                .doesNotContain("force_zero_downtime");
        assertThat(service("worker").getString("updated_at")).isEqualTo(worker.getString("updated_at"));

        io.restassured.RestAssured.given()
                .baseUri(aptible)
                .auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("type", "tcp", "internal", true))
                .post("/services/" + service("api").getLong("id") + "/vhosts")
                .then()
                .statusCode(201);
        Map<String, String> zeroDowntime = new java.util.HashMap<>(parameters);
        zeroDowntime.put("zeroDowntime", "true");
        StepOutcome found = deploys.ensure(new RecordingJournal().context(env, step("deploy-app", zeroDowntime)))
                .await()
                .atMost(WAIT);
        assertThat(found.summary()).contains("already runs").endsWith("force_zero_downtime set on worker");
        assertThat(service("worker").getBoolean("force_zero_downtime")).isTrue();
        assertThat(service("api").getBoolean("force_zero_downtime")).isFalse();
        assertThat(service("web").getBoolean("force_zero_downtime")).isFalse();
        assertThat(operations("deploy")).isEqualTo(1);
    }

    private JsonPath service(String processType) {
        long appId = StepTests.get(aptible, token, "/find/app?handle=" + app + "&environment=" + env)
                .getLong("id");
        JsonPath services = StepTests.get(aptible, token, "/apps/" + appId + "/services");
        int index = services.getList("_embedded.services.process_type").indexOf(processType);
        return StepTests.get(aptible, token, "/services/" + services.getLong("_embedded.services[" + index + "].id"));
    }
}
