package dev.ferry.executor.observability;

import static dev.ferry.executor.support.Flows.awaitStatus;
import static dev.ferry.executor.support.Flows.awaitStep;
import static dev.ferry.executor.support.Flows.record;
import static dev.ferry.executor.support.Flows.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.EventCodec;
import dev.ferry.events.Topics;
import dev.ferry.events.plan.RetryPolicy;
import dev.ferry.executor.support.Flows;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.LogCapture;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One migration watched the way an operator would: its meters on /q/metrics, its trace from a REST
 * command through ferry.commands and ferry.migrations to the next steps, and its log lines' MDC.
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_executor"))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = "simulators/aptible-api"),
            @ResourceArg(name = "property", value = "quarkus.rest-client.aptible.url")
        })
class ObservabilityFlowTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    TestSpans spans;

    Flows flows;
    LogCapture logs;

    @BeforeEach
    void setUp() {
        flows = new Flows(bootstrap);
        logs = LogCapture.install();
    }

    @AfterEach
    void tearDown() {
        logs.uninstall();
    }

    /** Runs a plan with a gate approved over REST, a step that fails once and a slow step. */
    private String runGatedMigration(String planId) {
        String id = flows.run(
                planId,
                List.of(
                        record("prepare", List.of(), Map.of()),
                        step(
                                "go-ahead",
                                "approval",
                                List.of("prepare"),
                                Map.of("instructions", "Approve"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        step(
                                "flaky",
                                "test-record",
                                List.of("go-ahead"),
                                Map.of("failTimes", "1"),
                                null,
                                null,
                                new RetryPolicy(3, 100, 200),
                                null,
                                null),
                        record("slow", List.of("flaky"), Map.of("sleepMs", "1200"))));
        awaitStep(id, "go-ahead", "awaiting-approval");
        return id;
    }

    private void approve(String id) {
        given().contentType("application/json")
                .body("{\"comment\": \"go\"}")
                .post("/api/migrations/" + id + "/steps/go-ahead/approval")
                .then()
                .statusCode(202);
    }

    @Test
    void stepMetersCountOutcomesRetriesAndDurationsAndKafkaLagIsPublished() {
        Metrics before = Metrics.scrape();
        String id = runGatedMigration("plan-obs-meters");
        approve(id);
        awaitStatus(id, "completed");
        Metrics after = Metrics.scrape();
        after.text()
                .lines()
                .filter(l -> l.startsWith("ferry_") || l.startsWith("kafka_consumer_fetch_manager_records_lag"))
                .forEach(l -> System.out.println("SCRAPE " + l));

        String succeeded = "ferry_executor_steps_total{outcome=\"succeeded\",type=\"test-record\"}";
        String retrying = "ferry_executor_steps_total{outcome=\"retrying\",type=\"test-record\"}";
        String gates = "ferry_executor_steps_total{outcome=\"succeeded\",type=\"approval\"}";
        String retries = "ferry_executor_step_retries_total{type=\"test-record\"}";
        String durationCount = "ferry_executor_step_duration_seconds_count{outcome=\"succeeded\",type=\"test-record\"}";
        String durationSum = "ferry_executor_step_duration_seconds_sum{outcome=\"succeeded\",type=\"test-record\"}";
        String slowBucket =
                "ferry_executor_step_duration_seconds_bucket{outcome=\"succeeded\",type=\"test-record\",le=\"1.0\"}";
        // prepare, flaky (second attempt) and slow succeeded; flaky's first attempt failed and was retried.
        assertThat(after.delta(before, succeeded)).isGreaterThanOrEqualTo(3);
        assertThat(after.delta(before, retrying)).isGreaterThanOrEqualTo(1);
        assertThat(after.delta(before, retries)).isGreaterThanOrEqualTo(1);
        assertThat(after.delta(before, gates)).isGreaterThanOrEqualTo(1);
        assertThat(after.delta(before, durationCount)).isGreaterThanOrEqualTo(3);
        // the slow step took at least 1.2 s: in the sum, and above the 1 s bucket
        assertThat(after.delta(before, durationSum)).isGreaterThanOrEqualTo(1.2);
        assertThat(after.delta(before, durationCount) - after.delta(before, slowBucket))
                .isGreaterThanOrEqualTo(1);
        // never an id as a tag
        assertThat(after.text()).doesNotContain(id);

        // Kafka consumer lag of the executor's consumers, from the Micrometer Kafka binder; caught up by now
        String lag =
                "kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-migrations-in\",kafka_version=";
        assertThat(after.lines(lag))
                .singleElement()
                .satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isBetween(0.0, 5.0));
    }

    @Test
    void aRestCommandAndTheStepsItReleasesShareOneTraceAcrossKafkaHops() {
        String id = runGatedMigration("plan-obs-trace");
        spans.reset();
        approve(id);
        awaitStatus(id, "completed");

        SpanData request = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> spans.finished().stream()
                                .filter(s -> s.getKind() == SpanKind.SERVER)
                                .filter(s -> s.getName().contains("/approval"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        String traceId = request.getTraceId();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Set<String> names = spans.finished().stream()
                    .filter(s -> s.getTraceId().equals(traceId))
                    .map(SpanData::getName)
                    .collect(Collectors.toSet());
            // REST -> ferry.commands -> the commands consumer -> ferry.migrations -> the runner's next steps
            assertThat(names)
                    .contains(
                            "ferry.commands publish",
                            "process ferry.commands",
                            "ferry.migrations publish",
                            "process ferry.migrations",
                            "step test-record");
        });
        long stepSpans = spans.finished().stream()
                .filter(s -> s.getTraceId().equals(traceId))
                .filter(s -> s.getName().equals("step test-record"))
                .count();
        // flaky twice (the retry after the backoff timer stays in the trace) and slow once
        assertThat(stepSpans).isGreaterThanOrEqualTo(3);

        // The CloudEvents traceparent extension on the events the approval led to names the same trace.
        List<ConsumerRecord<String, String>> records = flows.probe().records(Topics.MIGRATIONS).stream()
                .filter(r -> id.equals(r.key()))
                .filter(r -> "ferry.migration.step-succeeded.v1".equals(EventCodec.header(r.headers(), "ce_type")))
                .toList();
        assertThat(records)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(EventCodec.header(r.headers(), EventLog.TRACEPARENT_HEADER))
                        .isNotNull());
        assertThat(records)
                .filteredOn(r -> EventCodec.header(r.headers(), EventLog.TRACEPARENT_HEADER)
                        .contains(traceId))
                .hasSizeGreaterThanOrEqualTo(2);

        // The step's log lines carry the migration, the step and the same trace id.
        assertThat(logs.lines())
                .filteredOn(l -> l.message().startsWith("Migration " + id + ": step slow succeeded"))
                .singleElement()
                .satisfies(l -> assertThat(l.mdc())
                        .containsEntry("migrationId", id)
                        .containsEntry("stepId", "slow")
                        .containsEntry("stepType", "test-record")
                        .containsEntry("traceId", traceId));
        assertThat(logs.lines())
                .filteredOn(l -> l.message().startsWith("ApproveGate by"))
                .filteredOn(l -> l.message().endsWith(id))
                .singleElement()
                .satisfies(l -> assertThat(l.mdc()).containsEntry("migrationId", id));
    }

    /** A scrape of /q/metrics. */
    record Metrics(String text) {
        static Metrics scrape() {
            return new Metrics(
                    given().get("/q/metrics").then().statusCode(200).extract().asString());
        }

        List<String> lines(String name) {
            return text.lines().filter(l -> l.startsWith(name)).toList();
        }

        double value(String series) {
            // OpenMetrics lines may end with an exemplar: "# {span_id=...,trace_id=...} value time"
            Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)( # .*)?$", Pattern.MULTILINE)
                    .matcher(text);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }

        double delta(Metrics before, String series) {
            return value(series) - before.value(series);
        }
    }
}
