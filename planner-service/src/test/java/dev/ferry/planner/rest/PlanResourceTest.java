package dev.ferry.planner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.command.ApprovePlan;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@AsUser("everyone")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_planner"))
class PlanResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String propose(EstateDiscovered estate, int version) {
        new EventProbe(bootstrap).append(EventIds.random(), "/ferry/inventory", estate);
        String planId = PlanRules.planId(estate.account().id(), PlanRules.ACCOUNT_SCOPE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .statusCode(200)
                        .body("plan.status", equalTo("proposed"))
                        .body("plan.version", equalTo(version)));
        return planId;
    }

    private String proposeFor(String discoveryId, String requester, String account) {
        return propose(Estates.shop(discoveryId, requester, account), 1);
    }

    @Test
    void anInventoryBecomesAProposedPlanWithReasonsAndNoSecrets() {
        String planId = propose(Estates.demo("d-propose", "alice"), 1);
        String body = given().get("/api/plans/" + planId)
                .then()
                .statusCode(200)
                .body("plan.environment", equalTo("acme-production"))
                .body("plan.requestedBy", equalTo("alice"))
                .body("plan.production", equalTo(true))
                .body("plan.planHash", startsWith("sha256:"))
                .body("plan.appCount", equalTo(2))
                .body("steps.type", hasItems("ensure-environment", "ensure-app", "configure-app", "copy-postgres"))
                .body("steps.find { it.id == 'configure:acme-shop' }.secrets.SECRET_KEY_BASE", startsWith("fp:"))
                .body("steps.find { it.id == 'switch:acme-shop/shop.acme.example' }.pointOfNoReturn", equalTo(true))
                .extract()
                .asString();
        CloudEvent proposed = new EventProbe(bootstrap)
                .await(
                        Topics.PLANS,
                        e -> e.subject().equals(planId) && e.data() instanceof PlanProposed,
                        Duration.ofSeconds(10));
        PlanProposed plan = (PlanProposed) proposed.data();
        assertThat(plan.fidelity()).isNotEmpty();
        given().get("/api/plans").then().statusCode(200).body("id", hasItems(planId));

        List<String> texts = new java.util.ArrayList<>(List.of(body));
        texts.add(given().get("/api/plans/" + planId + "/steps")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        texts.add(given().get("/api/plans/" + planId + "/fidelity")
                .then()
                .statusCode(200)
                .body("apps.app", hasItems("acme-admin", "acme-shop"))
                .extract()
                .asString());
        texts.add(given().get("/api/plans/" + planId + "/runbook")
                .then()
                .statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("# Migration runbook"))
                .extract()
                .asString());
        given().get("/api/plans/" + planId + "/files")
                .then()
                .statusCode(200)
                .body("path", hasItems("acme-shop/Dockerfile", "acme-shop/main.tf", "_estate/runbook.md"));
        for (String file : List.of("Dockerfile", "Procfile", ".aptible.yml", "main.tf")) {
            texts.add(given().get("/api/plans/" + planId + "/files/acme-shop/" + file)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }
        texts.add(given().get("/api/plans/" + planId + "/files/_estate/environments.tf")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        given().get("/api/plans/" + planId + "/files/acme-shop/Dockerfile")
                .then()
                .body(containsString("EXPOSE 5000"));
        given().get("/api/plans/" + planId + "/steps/deploy:acme-shop")
                .then()
                .statusCode(200)
                .body("parameters.beforeDeploy", equalTo("bundle exec rails db:migrate"));
        for (String text : texts) {
            assertThat(text).doesNotContain(Estates.SECRET).doesNotContain(Estates.DB_PASSWORD);
        }
        given().get("/api/plans/" + planId + "/files/nope/Dockerfile")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("/files lists them"));
    }

    @Test
    void approvalIsRecordedAsTheTokensUserAndASecondApprovalIsRefused() {
        String planId = proposeFor("d-approve", "alice", "acc-approve");
        // The approver is the token's user: an approvedBy field in the body is ignored.
        given().auth()
                .oauth2(Tokens.of("approver"))
                .contentType("application/json")
                .body("{\"approvedBy\": \"mallory\", \"comment\": \"looks right\"}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("approved"))
                .body("version", equalTo(1));
        CloudEvent approved = new EventProbe(bootstrap)
                .await(
                        Topics.PLANS,
                        e -> e.subject().equals(planId) && e.data() instanceof PlanApproved,
                        Duration.ofSeconds(10));
        assertThat(((PlanApproved) approved.data()).approvedBy()).isEqualTo("approver");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .body("plan.status", equalTo("approved"))
                        .body("plan.decidedBy", equalTo("approver")));

        given().auth()
                .oauth2(Tokens.of("approver2"))
                .contentType("application/json")
                .body("{}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already approved"));
    }

    @Test
    void simultaneousDecisionsLeaveOneStandingAndTellTheOthersWhoDecidedFirst() throws Exception {
        String planId = proposeFor("d-race", "alice", "acc-race");
        List<String> deciders = List.of("approver", "approver2", "everyone");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deciders.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String who : deciders) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return given().auth()
                            .oauth2(Tokens.of(who))
                            .contentType("application/json")
                            .body("{\"version\": 1, \"comment\": \"race\"}")
                            .post("/api/plans/" + planId + (who.equals("approver2") ? "/rejection" : "/approval"));
                }));
            }
            go.countDown();
            List<String> stood = new ArrayList<>();
            for (int i = 0; i < deciders.size(); i++) {
                Response r = answers.get(i).get(60, TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    stood.add(deciders.get(i));
                } else {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(stood).as("exactly one decision is reported as accepted").hasSize(1);
            String winner = stood.get(0);
            // whatever the race did, the first decision on the log is the one that stands everywhere
            List<CloudEvent> decisions = new EventProbe(bootstrap)
                    .readAll(Topics.PLANS).stream()
                            .filter(e -> e.subject().equals(planId)
                                    && (e.data() instanceof PlanApproved || e.data() instanceof PlanRejected))
                            .toList();
            assertThat(decisions).isNotEmpty().hasSizeLessThanOrEqualTo(deciders.size());
            Object first = decisions.get(0).data();
            String firstBy = first instanceof PlanApproved a ? a.approvedBy() : ((PlanRejected) first).rejectedBy();
            assertThat(firstBy).isEqualTo(winner);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/api/plans/" + planId)
                            .then()
                            .body("plan.decidedBy", equalTo(winner))
                            .body("plan.status", equalTo(winner.equals("approver2") ? "rejected" : "approved")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDecisionAlreadyOnTheLogStandsAndALaterOneIsRefused() {
        String planId = proposeFor("d-late", "alice", "acc-late");
        EventProbe probe = new EventProbe(bootstrap);
        // another planner instance's rejection lands on the log; this instance may or may not have
        // projected it when the approval below is checked: refused either way
        probe.append(EventIds.random(), "/ferry/planner", new PlanRejected(planId, 1, "approver2", "no", Estates.AT));
        given().auth()
                .oauth2(Tokens.of("approver"))
                .contentType("application/json")
                .body("{\"version\": 1}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("rejected"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .body("plan.status", equalTo("rejected"))
                        .body("plan.decidedBy", equalTo("approver2")));
    }

    @Test
    void aProductionPlanCannotBeApprovedByItsRequesterButByAnotherApprover() {
        String planId = proposeFor("d-own", "everyone", "acc-own");
        given().get("/api/plans/" + planId)
                .then()
                .body("plan.production", equalTo(true))
                .body("plan.requestedBy", equalTo("everyone"));
        EventProbe probe = new EventProbe(bootstrap);
        int before = probe.records(Topics.PLANS).size();
        // everyone holds the approver role, but requested this production plan; the body cannot
        // pretend to be someone else.
        given().auth()
                .oauth2(Tokens.of("everyone"))
                .contentType("application/json")
                .body("{\"approvedBy\": \"approver\", \"comment\": \"mine\"}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("requested by everyone"))
                .body("detail", containsString("another person must approve it"));
        assertThat(probe.records(Topics.PLANS))
                .as("a refused approval appends nothing")
                .hasSize(before);
        given().get("/api/plans/" + planId).then().body("plan.status", equalTo("proposed"));

        given().auth()
                .oauth2(Tokens.of("approver"))
                .contentType("application/json")
                .body("{\"version\": 1}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("approved"));
        CloudEvent approved = probe.await(
                Topics.PLANS,
                e -> e.subject().equals(planId) && e.data() instanceof PlanApproved,
                Duration.ofSeconds(10));
        assertThat(((PlanApproved) approved.data()).approvedBy()).isEqualTo("approver");
    }

    @Test
    void badDecisionsAreRefusedAndChangeNothing() {
        String planId = proposeFor("d-refuse", "alice", "acc-refuse");
        int before = new EventProbe(bootstrap).records(Topics.PLANS).size();
        given().contentType("application/json")
                .body("{\"version\": 7}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(409)
                .body("detail", containsString("not the latest"));
        given().contentType("application/json")
                .body("{\"version\": ")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("text/plain")
                .body("approve")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(415);
        given().contentType("application/json")
                .body("{}")
                .post("/api/plans/no-such-plan/approval")
                .then()
                .statusCode(404)
                .body("detail", containsString("No plan"));
        given().get("/api/plans/" + planId + "/diff?from=1")
                .then()
                .statusCode(400)
                .body("detail", containsString("?from=1&to=2"));
        given().get("/api/plans/" + planId + "/steps?version=9")
                .then()
                .statusCode(404)
                .body("detail", containsString("no version 9"));
        assertThat(new EventProbe(bootstrap).records(Topics.PLANS)).hasSize(before);
        given().get("/api/plans/" + planId).then().body("plan.status", equalTo("proposed"));
    }

    @Test
    void aDriftedEstateProposesTheNextVersionAndTheOldOneCannotBeApproved() {
        EstateDiscovered first = Estates.shop("d-rev-1", "alice", "acc-rev");
        String planId = propose(first, 1);
        propose(Estates.withWorkers(first, "d-rev-2", 3), 2);
        given().get("/api/plans/" + planId)
                .then()
                .body("plan.supersedesVersion", equalTo(1))
                .body("plan.discoveryId", equalTo("d-rev-2"));
        given().get("/api/plans/" + planId + "/versions").then().statusCode(200).body("version", hasItems(1, 2));
        given().get("/api/plans/" + planId + "/diff?from=1&to=2")
                .then()
                .statusCode(200)
                .body("changedSteps.id", hasItem("scale:acme-shop/worker"))
                .body(
                        "changedSteps.find { it.id == 'scale:acme-shop/worker' }.fields.find { it.field =="
                                + " 'parameters.containerCount' }.after",
                        equalTo("3"));
        given().contentType("application/json")
                .body("{\"version\": 1}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("version 1 is not the latest"));
        given().get("/api/plans/" + planId + "/steps?version=1")
                .then()
                .statusCode(200)
                .body("find { it.id == 'scale:acme-shop/worker' }.parameters.containerCount", equalTo("1"));
    }

    @Test
    void eachVersionKeepsTheDecisionThatStoodAndADecisionAboutASupersededVersionChangesNothing() {
        EstateDiscovered first = Estates.shop("d-keep-1", "alice", "acc-keep");
        String planId = propose(first, 1);
        given().auth()
                .oauth2(Tokens.of("approver"))
                .contentType("application/json")
                .body("{\"version\": 1}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(200);
        propose(Estates.withWorkers(first, "d-keep-2", 3), 2);
        // an approval of version 2 that reached the log after version 3 was proposed decides nothing
        propose(Estates.withWorkers(first, "d-keep-3", 4), 3);
        new EventProbe(bootstrap)
                .append(
                        EventIds.random(),
                        "/ferry/planner",
                        new PlanApproved(planId, 2, "approver2", null, Estates.AT));
        given().auth()
                .oauth2(Tokens.of("approver"))
                .contentType("application/json")
                .body("{\"version\": 3, \"comment\": \"not yet\"}")
                .post("/api/plans/" + planId + "/rejection")
                .then()
                .statusCode(200)
                .body("status", equalTo("rejected"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId + "/versions")
                        .then()
                        .statusCode(200)
                        .body("find { it.version == 1 }.decision", equalTo("approved"))
                        .body("find { it.version == 1 }.decidedBy", equalTo("approver"))
                        .body("find { it.version == 2 }.decision", nullValue())
                        .body("find { it.version == 3 }.decision", equalTo("rejected"))
                        .body("find { it.version == 3 }.latest", equalTo(true)));
    }

    @Test
    void aScopedDiscoveryGetsItsOwnPlan() {
        EventProbe probe = new EventProbe(bootstrap);
        probe.append(
                EventIds.random(),
                "/ferry/inventory",
                new DiscoveryStarted("d-scoped", "apps", List.of("acme-shop"), "alice", Estates.AT));
        probe.append(EventIds.random(), "/ferry/inventory", Estates.shop("d-scoped", "alice", "acc-scope"));
        String scoped = PlanRules.planId("acc-scope", "apps:acme-shop");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + scoped).then().statusCode(200));
        assertThat(scoped).isNotEqualTo(PlanRules.planId("acc-scope", PlanRules.ACCOUNT_SCOPE));
    }

    @Test
    void eachTeamsDiscoveryGetsItsOwnPlanApartFromTheAccountsAndOtherTeams() {
        EventProbe probe = new EventProbe(bootstrap);
        for (String team : List.of("acme", "beta")) {
            String discovery = "d-team-" + team;
            probe.append(
                    EventIds.random(),
                    "/ferry/inventory",
                    new DiscoveryStarted(discovery, "team", List.of(), "alice", Estates.AT, team));
            probe.append(EventIds.random(), "/ferry/inventory", Estates.shop(discovery, "alice", "acc-teams"));
        }
        String acme = PlanRules.planId("acc-teams", "team:acme");
        String beta = PlanRules.planId("acc-teams", "team:beta");
        assertThat(acme).isNotEqualTo(beta).isNotEqualTo(PlanRules.planId("acc-teams", PlanRules.ACCOUNT_SCOPE));
        for (String planId : List.of(acme, beta)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/api/plans/" + planId)
                            .then()
                            .statusCode(200)
                            .body("plan.version", equalTo(1)));
        }
        given().get("/api/plans/" + PlanRules.planId("acc-teams", PlanRules.ACCOUNT_SCOPE))
                .then()
                .statusCode(404);
    }

    @Test
    void slackCommandsAreDecidedLikeRest() {
        String planId = proposeFor("d-command", "alice", "acc-command");
        EventProbe probe = new EventProbe(bootstrap);
        probe.append(
                EventIds.random(), "/ferry/notifier", new ApprovePlan(planId, 1, "alice", "slack", null, Estates.AT));
        probe.append(
                EventIds.random(), "/ferry/notifier", new ApprovePlan(planId, 1, "dave", "slack", "ok", Estates.AT));
        CloudEvent approved = probe.await(
                Topics.PLANS,
                e -> e.subject().equals(planId) && e.data() instanceof PlanApproved,
                Duration.ofSeconds(30));
        assertThat(((PlanApproved) approved.data()).approvedBy()).isEqualTo("dave");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .body("plan.status", equalTo("approved"))
                        .body("plan.decidedBy", equalTo("dave")));
        assertThat(probe.readAll(Topics.PLANS).stream()
                        .filter(e -> e.subject().equals(planId) && e.data() instanceof PlanApproved))
                .as("the requester's own approval from Slack was refused, nothing appended for it")
                .hasSize(1);
    }

    @Test
    void aRedeliveredInventoryDoesNotProposeTwice() {
        EventProbe probe = new EventProbe(bootstrap);
        var estate = Estates.shop("d-twice", "alice", "acc-twice");
        probe.append("inventory-event-twice", "/ferry/inventory", estate);
        probe.append("inventory-event-twice", "/ferry/inventory", estate);
        String planId = PlanRules.planId("acc-twice", PlanRules.ACCOUNT_SCOPE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe.readAll(Topics.PLANS).stream()
                                .filter(e -> e.subject().equals(planId)))
                        .isNotEmpty());
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(probe.readAll(Topics.PLANS).stream()
                                .filter(e -> e.subject().equals(planId))
                                .map(CloudEvent::id)
                                .distinct())
                        .as("every proposal for the redelivered inventory carries the same event id")
                        .hasSize(1));
        given().get("/api/plans/" + planId).then().statusCode(200).body("plan.version", equalTo(1));
    }

    @Test
    void replayRebuildsTheSameState() {
        String planId = proposeFor("d-replay", "alice", "acc-replay");
        given().auth()
                .oauth2(Tokens.of("approver2"))
                .contentType("application/json")
                .body("{\"rejectedBy\": \"mallory\", \"comment\": \"not yet\"}")
                .post("/api/plans/" + planId + "/rejection")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .body("plan.status", equalTo("rejected"))
                        .body("plan.decidedBy", equalTo("approver2")));
        String before = given().get("/api/plans").then().extract().asString();
        String detail = given().get("/api/plans/" + planId).then().extract().asString();
        String versions = given().get("/api/plans/" + planId + "/versions")
                .then()
                .extract()
                .asString();
        given().auth()
                .oauth2(Tokens.of("admin")) // rebuilding is for administrators only
                .post("/api/admin/projection/rebuild")
                .then()
                .statusCode(200);
        assertThat(given().get("/api/plans").then().extract().asString()).isEqualTo(before);
        assertThat(given().get("/api/plans/" + planId).then().extract().asString())
                .isEqualTo(detail);
        assertThat(given().get("/api/plans/" + planId + "/versions")
                        .then()
                        .extract()
                        .asString())
                .isEqualTo(versions);
    }
}
