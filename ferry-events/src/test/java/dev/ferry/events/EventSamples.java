package dev.ferry.events;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.HerokuAccount;
import dev.ferry.events.inventory.ProcessType;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.events.plan.PlanStep;
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
        return List.of(
                new DiscoveryStarted("d1", "apps", List.of("acme-shop"), "alice", T),
                new EstateDiscovered(
                        "d1", new HerokuAccount("acc1", "platform@acme.example"), List.of(app), T, "alice"),
                new DiscoveryFailed("d1", "Heroku answered 401: Invalid credentials provided.", T),
                new PlanProposed("p1", 1, "d1", "acme-production", "alice", List.of(step), T),
                new PlanApproved("p1", 1, "bob", "looks right", T),
                new PlanApproved("p1", 1, "bob", null, T),
                new PlanRejected("p1", 1, "bob", "wrong stack", T),
                new MigrationStarted("m1", "p1", 1, "acme-production", List.of(step.id()), T),
                new StepStarted("m1", step.id(), step.type(), 1, T),
                new StepSucceeded(
                        "m1", step.id(), step.type(), "Configured acme-shop", Map.of("operationId", "17"), 120, T),
                new StepFailed("m1", step.id(), step.type(), 2, "Aptible answered 503", 80, T),
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
                        T));
    }
}
