package dev.ferry.executor.rest;

import static dev.ferry.executor.support.Flows.as;
import static dev.ferry.executor.support.Flows.awaitStatus;
import static dev.ferry.executor.support.Flows.awaitStep;
import static dev.ferry.executor.support.Flows.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.events.EventIds;
import dev.ferry.events.command.ApproveGate;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.messaging.PlansConsumer;
import dev.ferry.executor.support.Flows;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A completed migration's evidence pack: its contents, no secret values, and a digest that checks out. */
@QuarkusTest
@AsUser("viewer")
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
class EvidencePackTest {
    static final SecretBox BOX = SecretBox.of("k1", "dGVzdC1rZXktZm9yLWZlcnJ5LXRlc3RzLW9ubHktMzI=");
    static final String SECRET = "FAKE-evidence-secret-value";
    static final String HASH = "sha256:5d41402abc4b2a76b9719d911017c592";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aCompletedMigrationsEvidenceHoldsItsPlanApprovalsStepsAndTrailUnderADigest() throws Exception {
        SealedSecret sealed = BOX.seal(SECRET);
        Flows flows = new Flows(bootstrap);
        List<PlanStep> steps = List.of(
                new PlanStep(
                        "environment:ev-production",
                        "ensure-environment",
                        "env",
                        "why",
                        List.of(),
                        Map.of("handle", "ev-production", "type", "production"),
                        Map.of()),
                new PlanStep(
                        "app:ev-shop",
                        "ensure-app",
                        "app",
                        "why",
                        List.of("environment:ev-production"),
                        Map.of("handle", "ev-shop", "environment", "ev-production"),
                        Map.of()),
                new PlanStep(
                        "configure:ev-shop",
                        "configure-app",
                        "cfg",
                        "why",
                        List.of("app:ev-shop"),
                        Map.of("app", "ev-shop"),
                        Map.of("SECRET_KEY_BASE", sealed)),
                step(
                        "confirm",
                        "manual-task",
                        List.of("configure:ev-shop"),
                        Map.of("instructions", "x"),
                        null,
                        null,
                        null,
                        null,
                        null),
                step(
                        "announce",
                        "manual-task",
                        List.of("confirm"),
                        Map.of("instructions", "x"),
                        null,
                        null,
                        null,
                        null,
                        null));
        flows.probe()
                .append(
                        EventIds.random(),
                        "/ferry/planner",
                        new PlanProposed(
                                "plan-evidence",
                                1,
                                "d-evidence",
                                "ev-production",
                                "alice",
                                steps,
                                Instant.now(),
                                true,
                                HASH,
                                null,
                                null));
        flows.probe()
                .append(
                        EventIds.random(),
                        "/ferry/planner",
                        new PlanApproved("plan-evidence", 1, "approver2", "four eyes", Instant.now()));
        String id = PlansConsumer.migrationId("plan-evidence", 1);
        awaitStep(id, "confirm", "awaiting-approval");
        as("approver")
                .contentType("application/json")
                .body("{\"comment\": \"smoke test passed\"}")
                .post("/api/migrations/" + id + "/steps/confirm/approval")
                .then()
                .statusCode(202);
        awaitStep(id, "announce", "awaiting-approval");
        flows.probe()
                .append(
                        EventIds.random(),
                        "/ferry/notifier",
                        new ApproveGate(id, "announce", "U77 (sam)", "slack", "sent", Instant.now()));
        awaitStatus(id, "completed");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/migrations/" + id + "/audit")
                        .then()
                        .body("entries[-1].action", equalTo("complete")));

        Response response = given().get("/api/migrations/" + id + "/evidence");
        response.then()
                .statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", "attachment; filename=ferry-evidence-" + id + ".json");
        String body = response.asString();
        assertThat(body).doesNotContain(SECRET).doesNotContain(sealed.ciphertext());

        ObjectMapper mapper = new ObjectMapper();
        JsonNode document = mapper.readTree(body);
        JsonNode evidence = document.get("evidence");
        assertThat(evidence.get("format").asText()).isEqualTo("ferry-evidence/1");
        assertThat(Instant.parse(evidence.get("generatedAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));

        JsonNode migration = evidence.get("migration");
        assertThat(migration.get("id").asText()).isEqualTo(id);
        assertThat(migration.get("status").asText()).isEqualTo("completed");
        Instant started = Instant.parse(migration.get("startedAt").asText());
        Instant finished = Instant.parse(migration.get("finishedAt").asText());
        assertThat(migration.get("durationMs").asLong())
                .isEqualTo(Duration.between(started, finished).toMillis());

        JsonNode plan = evidence.get("plan");
        assertThat(plan.get("id").asText()).isEqualTo("plan-evidence");
        assertThat(plan.get("version").asInt()).isEqualTo(1);
        assertThat(plan.get("planHash").asText()).isEqualTo(HASH);
        assertThat(plan.get("production").asBoolean()).isTrue();
        assertThat(plan.get("stepCount").asInt()).isEqualTo(5);
        assertThat(plan.get("requestedBy").asText()).isEqualTo("alice");
        assertThat(plan.get("decision").asText()).isEqualTo("approved");
        assertThat(plan.get("approvedBy").asText()).isEqualTo("approver2");
        assertThat(plan.get("approvalComment").asText()).isEqualTo("four eyes");
        assertThat(plan.get("approvedAt").isNull()).isFalse();

        JsonNode gates = evidence.get("gateApprovals");
        assertThat(gates).hasSize(2);
        assertThat(gates.get(0).get("stepId").asText()).isEqualTo("confirm");
        assertThat(gates.get(0).get("approvedBy").asText()).isEqualTo("approver");
        assertThat(gates.get(0).get("via").asText()).isEqualTo("rest");
        assertThat(gates.get(0).get("comment").asText()).isEqualTo("smoke test passed");
        assertThat(gates.get(1).get("approvedBy").asText()).isEqualTo("U77 (sam)");
        assertThat(gates.get(1).get("via").asText()).isEqualTo("slack");

        JsonNode stepList = evidence.get("steps");
        assertThat(stepList).hasSize(5);
        for (JsonNode s : stepList) {
            assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("succeeded");
            assertThat(s.get("attempts").asInt()).as(s.toString()).isEqualTo(1);
            assertThat(s.get("durationMs").asLong()).as(s.toString()).isGreaterThanOrEqualTo(0);
            assertThat(Instant.parse(s.get("finishedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(s.get("startedAt").asText()));
        }
        JsonNode configure = stepList.get(2);
        assertThat(configure.get("type").asText()).isEqualTo("configure-app");
        assertThat(configure.get("operations").get("configure").asText()).matches("\\d+");
        assertThat(configure.get("secrets").get(0).get("name").asText()).isEqualTo("SECRET_KEY_BASE");
        assertThat(configure.get("secrets").get(0).get("fingerprint").asText()).isEqualTo(sealed.fingerprint());
        assertThat(configure.get("verification").isNull()).isTrue();
        assertThat(stepList.get(0).get("outputs").get("environmentHandle").asText())
                .isEqualTo("ev-production");

        List<String> actions = new ArrayList<>();
        evidence.get("audit")
                .forEach(e -> actions.add(
                        e.get("action").asText() + " " + e.get("actor").asText()));
        assertThat(actions)
                .containsExactly(
                        "request-plan alice",
                        "approve-plan approver2",
                        "start ferry",
                        "approve-gate approver",
                        "approve-gate U77 (sam)",
                        "complete ferry");

        // The digest is SHA-256 over the evidence member with sorted keys and no whitespace.
        JsonNode digest = document.get("digest");
        assertThat(digest.get("algorithm").asText()).isEqualTo("SHA-256");
        assertThat(digest.get("value").asText()).isEqualTo(sha256(mapper, evidence));

        // The Ed25519 signature over the same bytes checks out with the published public key.
        Response key = given().accept("application/x-pem-file").get("/api/evidence/signing-key");
        key.then().statusCode(200).contentType("application/x-pem-file");
        given().accept("application/json")
                .get("/api/evidence/signing-key")
                .then()
                .statusCode(200)
                .body("algorithm", equalTo("Ed25519"))
                .body("keyId", equalTo(key.header("Ferry-Key-Id")))
                .body("pem", equalTo(key.asString()));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getMimeDecoder().decode(key.asString().replaceAll("-----[A-Z ]+-----", ""))));
        JsonNode signature = document.get("signature");
        assertThat(signature.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(signature.get("keyId").asText()).isEqualTo(key.header("Ferry-Key-Id"));
        byte[] signatureBytes =
                Base64.getDecoder().decode(signature.get("value").asText());
        assertThat(verifies(publicKey, canonical(mapper, evidence), signatureBytes))
                .isTrue();

        ((ObjectNode) migration).put("status", "failed");
        assertThat(sha256(mapper, evidence)).isNotEqualTo(digest.get("value").asText());
        assertThat(verifies(publicKey, canonical(mapper, evidence), signatureBytes))
                .as("an altered pack no longer verifies")
                .isFalse();
    }

    private static boolean verifies(PublicKey key, String text, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }

    @Test
    void anUnknownMigrationHasNoEvidence() {
        given().get("/api/migrations/unknown/evidence")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No migration with id unknown"));
    }

    /** An independent canonicalization: rebuild every object with sorted keys, then compact JSON. */
    private static String sha256(ObjectMapper mapper, JsonNode evidence) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(canonical(mapper, evidence).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }

    private static String canonical(ObjectMapper mapper, JsonNode evidence) throws Exception {
        return mapper.writeValueAsString(sorted(mapper, evidence));
    }

    private static Object sorted(ObjectMapper mapper, JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), sorted(mapper, e.getValue())));
            return map;
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(sorted(mapper, n)));
            return list;
        }
        return node;
    }
}
