package dev.ferry.planner;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.HerokuAccount;
import dev.ferry.events.inventory.ProcessType;
import dev.ferry.events.secret.SecretBox;
import java.time.Instant;
import java.util.List;

/** Inventories for planner tests, sealed with the test key. */
public final class Estates {
    public static final SecretBox BOX = SecretBox.of("k1", "dGVzdC1rZXktZm9yLWZlcnJ5LXRlc3RzLW9ubHktMzI=");
    public static final String SECRET = "FAKE-secret-key-base-planner";

    private Estates() {}

    /** A Rails app with web, worker and release, Postgres and Redis add-ons, and a Heroku-managed var. */
    public static EstateDiscovered shop(String discoveryId, String requestedBy) {
        AppInventory shop = new AppInventory(
                "app-1",
                "acme-shop",
                "us",
                "heroku-24",
                List.of(
                        new ProcessType("release", "bundle exec rails db:migrate", 0, "standard-1x"),
                        new ProcessType("web", "bundle exec puma -C config/puma.rb", 2, "standard-1x"),
                        new ProcessType("worker", "bundle exec sidekiq", 1, "standard-2x")),
                List.of(
                        new ConfigVar("DATABASE_URL", BOX.seal("postgres://u:FAKE-pw@db/x")),
                        new ConfigVar("HEROKU_APP_NAME", BOX.seal("acme-shop")),
                        new ConfigVar("RAILS_ENV", BOX.seal("production")),
                        new ConfigVar("REDIS_URL", BOX.seal("redis://:FAKE@r:6379")),
                        new ConfigVar("SECRET_KEY_BASE", BOX.seal(SECRET))),
                List.of(
                        new AddOn(
                                "a1",
                                "postgresql-1",
                                "heroku-postgresql",
                                "heroku-postgresql:standard-0",
                                List.of("DATABASE_URL")),
                        new AddOn("a2", "redis-1", "heroku-redis", "heroku-redis:premium-0", List.of("REDIS_URL"))));
        AppInventory admin = new AppInventory(
                "app-2",
                "acme-admin",
                "us",
                "heroku-24",
                List.of(new ProcessType("web", "node server.js", 1, "basic")),
                List.of(),
                List.of());
        return new EstateDiscovered(
                discoveryId,
                new HerokuAccount("acc", "platform@acme.example"),
                List.of(shop, admin),
                Instant.parse("2026-11-26T12:00:00Z"),
                requestedBy);
    }
}
