package dev.ferry.events;

import dev.ferry.events.command.ApproveGate;
import dev.ferry.events.command.ApprovePlan;
import dev.ferry.events.command.CancelMigration;
import dev.ferry.events.command.PauseMigration;
import dev.ferry.events.command.RejectPlan;
import dev.ferry.events.command.ResumeMigration;
import dev.ferry.events.command.RetryStep;
import dev.ferry.events.command.RollbackMigration;
import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.AppWebhook;
import dev.ferry.events.inventory.Collaborator;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.Domain;
import dev.ferry.events.inventory.DynoSize;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.EstateDrifted;
import dev.ferry.events.inventory.HerokuAccount;
import dev.ferry.events.inventory.LogDrain;
import dev.ferry.events.inventory.Pipeline;
import dev.ferry.events.inventory.PipelineCoupling;
import dev.ferry.events.inventory.PostgresInfo;
import dev.ferry.events.inventory.PostgresProbe;
import dev.ferry.events.inventory.PrivateSpace;
import dev.ferry.events.inventory.ProcessType;
import dev.ferry.events.inventory.RedisInfo;
import dev.ferry.events.inventory.RedisProbe;
import dev.ferry.events.inventory.ReleaseInfo;
import dev.ferry.events.inventory.SniEndpoint;
import dev.ferry.events.inventory.Team;
import dev.ferry.events.migration.CommandRejected;
import dev.ferry.events.migration.CompensationFailed;
import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.MigrationCancelled;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationPaused;
import dev.ferry.events.migration.MigrationResumed;
import dev.ferry.events.migration.MigrationRolledBack;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.RollbackStarted;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepHeartbeat;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepRetried;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.events.notification.SlackUserMapped;
import dev.ferry.events.notification.SlackUserUnmapped;
import dev.ferry.events.notification.SubscriptionDeleted;
import dev.ferry.events.notification.SubscriptionSaved;
import dev.ferry.events.plan.FidelityItem;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.plan.RetryPolicy;
import dev.ferry.events.secret.SecretBox;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One realistic instance of every event type, so schema and round-trip tests cover the catalogue.
 */
final class EventSamples {
    static final SecretBox BOX = SecretBox.of("test-1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    private EventSamples() {}

    static List<FerryEvent> all() {
        PlanStep step = new PlanStep(
                "configure:acme-shop",
                "configure-app",
                "Set configuration of acme-shop",
                "Config vars carry over as environment variables",
                List.of("app:acme-shop"),
                Map.of("app", "acme-shop"),
                Map.of("SECRET_KEY_BASE", BOX.seal("FAKE-secret")));
        AppInventory app = new AppInventory(
                "01234567-89ab-cdef-0123-456789abcdef",
                "acme-shop",
                "us",
                "heroku-24",
                List.of(new ProcessType("web", "bundle exec puma", 2, "standard-1x")),
                List.of(new ConfigVar("SECRET_KEY_BASE", BOX.seal("FAKE-secret"))),
                List.of(new AddOn(
                        "a1",
                        "postgresql-curved-1",
                        "heroku-postgresql",
                        "heroku-postgresql:standard-0",
                        List.of("DATABASE_URL"))));
        AddOn postgres = new AddOn(
                "a2",
                "postgresql-shaped-9",
                "heroku-postgresql",
                "heroku-postgresql:standard-0",
                List.of("DATABASE_URL"),
                "acme-shop",
                List.of("acme-admin", "acme-shop"),
                "DATABASE",
                "provisioned",
                new PostgresInfo(
                        "standard-0", 12_000_000_000L, 42, "16.4", List.of("postgresql-follower-3"), "Available"),
                null,
                new PostgresProbe(
                        true,
                        null,
                        12_000_000_000L,
                        "16.4",
                        List.of(new PostgresProbe.Extension("pg_stat_statements", "heroku_ext", "1.10")),
                        42,
                        List.of("public.events"),
                        0L,
                        7,
                        "replica",
                        false,
                        false),
                null);
        AddOn redis = new AddOn(
                "a3",
                "redis-rugged-4",
                "heroku-redis",
                "heroku-redis:premium-0",
                List.of("REDIS_URL"),
                "acme-shop",
                List.of("acme-shop"),
                "REDIS",
                "provisioned",
                null,
                new RedisInfo("premium-0", "7.2.4", "noeviction", true),
                null,
                new RedisProbe(true, null, "7.2.4", 1_048_576L, 320L, "noeviction", List.of("sidekiq"), true));
        AppInventory fullApp = new AppInventory(
                "11234567-89ab-cdef-0123-456789abcdef",
                "acme-shop-staging",
                "us",
                "heroku-24",
                List.of(
                        new ProcessType("web", "bundle exec puma", 2, "standard-2x"),
                        new ProcessType("release", "rails db:migrate", 0, "standard-1x")),
                List.of(new ConfigVar("SECRET_KEY_BASE", BOX.seal("FAKE-secret"))),
                List.of(postgres, redis),
                "acme",
                "cedar",
                List.of("heroku/ruby"),
                Map.of("web", "bundle exec puma", "release", "rails db:migrate"),
                List.of(
                        new Domain("acme-shop-staging.herokuapp.com", "heroku", null, null, null),
                        new Domain("staging.acme.example", "custom", "x.herokudns.com", "cert issued", "tokyo-1")),
                List.of(new SniEndpoint("s1", "tokyo-1", List.of("staging.acme.example"), T, true)),
                List.of(new LogDrain(
                        "l1",
                        "logs.papertrailapp.com",
                        BOX.seal("syslog+tls://logs.papertrailapp.com:1"),
                        "papertrail-rigid-12")),
                List.of("preboot"),
                List.of(new AppWebhook(
                        "w1",
                        "hooks.acme.example",
                        BOX.seal("https://hooks.acme.example/h"),
                        List.of("api:release"),
                        "notify")),
                List.of(new Collaborator("alice@acme.example", "admin")),
                new ReleaseInfo(
                        42,
                        "succeeded",
                        "Deploy 1a2b3c",
                        T,
                        true,
                        List.of(new ReleaseInfo.FailedRelease(41, "Release command failed", T))),
                new PipelineCoupling("pl1", "acme-shop", "staging"),
                "acme-space",
                true,
                false);
        PlanStep fullStep = new PlanStep(
                "gate:dns-ttl:acme-shop",
                "timed-wait",
                "Wait 24 hours after lowering the DNS TTL of shop.acme.example",
                "Resolvers must forget the old record before the switch",
                List.of("manual:lower-ttl:acme-shop"),
                Map.of("hostname", "shop.acme.example"),
                Map.of(),
                "acme-shop",
                2,
                "timed-wait",
                86_400L,
                90_000,
                new RetryPolicy(5, 1000, 60_000),
                "The TTL of shop.acme.example is at most 300 seconds",
                null,
                false,
                null);
        return List.of(
                new EstateDiscovered(
                        "d2",
                        new HerokuAccount("acc1", "platform@acme.example"),
                        List.of(fullApp),
                        T,
                        "alice",
                        List.of(new Team("t1", "acme")),
                        List.of(new PrivateSpace(
                                "sp1",
                                "acme-space",
                                "acme",
                                "virginia",
                                true,
                                List.of("203.0.113.0/24"),
                                List.of("198.51.100.7"),
                                List.of(new PrivateSpace.Peering(
                                        "customer-managed", "pcx-1", List.of("10.1.0.0/16"), "active")),
                                List.of(new PrivateSpace.VpnConnection(
                                        "v1", "office", "198.51.100.9", List.of("172.16.0.0/16"), "active")))),
                        List.of(new Pipeline(
                                "pl1", "acme-shop", List.of(new Pipeline.Coupling("acme-shop-staging", "staging")))),
                        List.of(new DynoSize("standard-2x", 1.0, "4x", false))),
                new EstateDrifted(
                        "d3",
                        "d2",
                        List.of("acme-new"),
                        List.of(),
                        List.of(new EstateDrifted.Change(
                                "acme-shop", "formation", "web: 2 x standard-1x -> 3 x standard-2x")),
                        T),
                new PlanProposed(
                        "p1",
                        2,
                        "d2",
                        "acme-production",
                        "alice",
                        List.of(fullStep),
                        T,
                        true,
                        "sha256:00ff",
                        1,
                        List.of(new FidelityItem("acme-shop", "preboot", "partial", "Zero-downtime deploys differ"))),
                new StepProgress(
                        "m1", "copy:pg", "copy-postgres", 1_000_000, 2_000_000L, 5000, 3, 9, 12L, "Copying", T),
                new StepProgress("m1", "copy:pg", "copy-postgres", 0, null, 0, 0, null, null, "Starting", T),
                new StepHeartbeat("m1", "copy:pg", "copy-postgres", 2, false, T),
                new StepHeartbeat("m1", "app:acme-shop", "ensure-app", 1, true, T),
                new OperationRecorded("m1", "app:acme-shop", "provision", "op-77", "apps/12", T),
                new GateOpened("m1", "gate:dns", "manual-task", "Point shop.acme.example at the endpoint", T),
                new GateApproved("m1", "gate:dns", "bob", "slack", "done", T),
                new StepCompensated("m1", "app:acme-shop", "ensure-app", "Deprovisioned app acme-shop", T),
                new MigrationPaused("m1", "bob", T),
                new MigrationResumed("m1", "bob", T),
                new MigrationCancelled("m1", "bob", "wrong window", T),
                new RollbackStarted("m1", "bob", List.of("app:acme-shop"), T),
                new MigrationPaused("m1", "bob", T, "slack"),
                new MigrationResumed("m1", "bob", T, "rest"),
                new MigrationCancelled("m1", "bob", null, T, "slack"),
                new RollbackStarted("m1", "bob", List.of("app:acme-shop"), T, "rest"),
                new CommandRejected(
                        "m1",
                        "c1",
                        "approve-gate",
                        "gate:dns",
                        "bob",
                        "slack",
                        "Step gate:dns has no open gate (it is succeeded)",
                        T,
                        T),
                new CommandRejected("m1", "c2", "resume", null, "bob", "rest", "m1 is running, not paused", T, T),
                new MigrationRolledBack("m1", T),
                new ApprovePlan("p1", 2, "bob", "slack", null, T),
                new RejectPlan("p1", 2, "bob", "rest", "not now", T),
                new ApproveGate("m1", "gate:dns", "bob", "slack", null, T),
                new RetryStep("m1", "copy:pg", "bob", "rest", T),
                new PauseMigration("m1", "bob", "rest", T),
                new ResumeMigration("m1", "bob", "rest", T),
                new CancelMigration("m1", "bob", "rest", "wrong window", T),
                new RollbackMigration("m1", "bob", "rest", T),
                new DiscoveryStarted("d1", "apps", List.of("acme-shop"), "alice", T),
                new EstateDiscovered(
                        "d1", new HerokuAccount("acc1", "platform@acme.example"), List.of(app), T, "alice"),
                new DiscoveryFailed("d1", "Heroku answered 401: Invalid credentials provided.", T),
                new DiscoveryStarted("d2", "team", List.of(), "alice", T, "acme"),
                new DiscoveryFailed(
                        "d2",
                        "app acme-shop: Heroku answered 403 forbidden to GET /apps/acme-shop/config-vars",
                        T,
                        "acme-shop",
                        "GET /apps/acme-shop/config-vars",
                        403),
                new PlanProposed("p1", 1, "d1", "acme-production", "alice", List.of(step), T),
                new PlanApproved("p1", 1, "bob", "looks right", T),
                new PlanApproved("p1", 1, "bob", null, T),
                new PlanRejected("p1", 1, "bob", "wrong stack", T),
                new MigrationStarted("m1", "p1", 1, "acme-production", List.of(step.id()), T),
                new StepStarted("m1", step.id(), step.type(), 1, T),
                new StepSucceeded(
                        "m1", step.id(), step.type(), "Configured acme-shop", Map.of("operationId", "17"), 120, T),
                new StepFailed("m1", step.id(), step.type(), 2, "Aptible answered 503", 80, T),
                new StepFailed("m1", step.id(), step.type(), 1, "Aptible answered 503", 80, T, T.plusSeconds(2)),
                new StepRetried("m1", step.id(), "bob", "rest", T),
                new CompensationFailed("m1", step.id(), step.type(), 1, "Aptible answered 503", T, T.plusSeconds(1)),
                new MigrationCompleted("m1", "p1", 3, 4200, T),
                new MigrationFailed("m1", "p1", step.id(), "Aptible answered 503", T),
                new NotificationDelivered(
                        "n1", "e1", "ferry.migration.step-succeeded.v1", "m1", "#migrations", "Step done", 1, T),
                new NotificationFailed(
                        "n1",
                        "e1",
                        "ferry.migration.step-succeeded.v1",
                        null,
                        "#migrations",
                        "Slack answered 500",
                        5,
                        T),
                new NotificationDelivered(
                        "n2",
                        "e2",
                        "ferry.migration.step-succeeded.v1",
                        "m1",
                        "#migrations",
                        "Step done",
                        1,
                        T,
                        "s1",
                        "1795695425.000200",
                        "1795695425.000100"),
                new NotificationFailed(
                        "n2",
                        "e2",
                        "ferry.migration.step-succeeded.v1",
                        "m1",
                        "#migrations",
                        "Slack answered 500",
                        5,
                        T,
                        "s1"),
                new SubscriptionSaved(
                        "s1",
                        "platform team",
                        List.of("acme-production"),
                        List.of("acme-shop"),
                        List.of(),
                        List.of("plan-proposed", "step-failed"),
                        "bot",
                        "#migrations",
                        null,
                        BOX.seal("xoxb-FAKE-token"),
                        BOX.seal("FAKE-signing-secret"),
                        List.of("step-succeeded"),
                        "alice",
                        T),
                new SubscriptionSaved(
                        "s2",
                        "webhook",
                        List.of(),
                        List.of(),
                        List.of("m1"),
                        List.of(),
                        "webhook",
                        "#alerts",
                        BOX.seal("https://hooks.slack.com/services/T/B/FAKE"),
                        null,
                        null,
                        null,
                        "alice",
                        T),
                new SubscriptionDeleted("s1", "alice", T),
                new SlackUserMapped("U0ALICE", "alice@acme.example", List.of("approver"), "admin", T),
                new SlackUserUnmapped("U0ALICE", "admin", T));
    }
}
