package dev.ferry.planner;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.Pipeline;
import dev.ferry.events.inventory.PostgresProbe;
import dev.ferry.events.inventory.PrivateSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random estates from a seed, for the property test and the benchmark: apps with random process
 * types, sizes (some unknown), buildpacks (some undiscovered), domains (wildcards, none, unknown),
 * add-ons shared across apps (Postgres of any size, probed or not; Redis queues, caches and unknowns;
 * external, logging, replaced and unknown services), pipelines and Private Spaces.
 */
public final class RandomEstates {
    /** The plaintext every generated secret starts with, so tests can search outputs for it. */
    public static final String SECRET_MARK = "FAKE-random-secret-";

    private static final String[] SIZES = {
        "standard-1x", "standard-2x", "performance-m", "performance-l", "basic", "private-s", "mystery-size"
    };
    private static final String[][] BUILDPACKS = {
        {"heroku/ruby"},
        {"heroku/nodejs"},
        {"heroku/python"},
        {"heroku/java"},
        {"heroku/go"},
        {"heroku/php"},
        {"heroku/nodejs", "heroku/ruby"},
        {"heroku-community/apt", "heroku/python"},
        {}
    };
    private static final String[] SERVICES = {
        "sendgrid", "papertrail", "scheduler", "newrelic", "weird-addon", "jawsdb", "heroku-kafka"
    };

    private RandomEstates() {}

    public static EstateDiscovered estate(long seed, int apps) {
        Random random = new Random(seed);
        List<PrivateSpace> spaces = new ArrayList<>();
        for (int s = 0; s < random.nextInt(3); s++) {
            spaces.add(Estates.space(
                    "space-" + s,
                    random.nextBoolean(),
                    random.nextBoolean() ? List.of("0.0.0.0/0") : List.of("10.0." + s + ".0/24")));
        }
        List<AppInventory> inventories = new ArrayList<>();
        List<AddOn> shareable = new ArrayList<>();
        List<Pipeline> pipelines = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            String name = "app-" + seed + "-" + i;
            Estates.AppBuilder app = Estates.app(name);
            app.process("web", "bin/web --port $PORT", 1 + random.nextInt(3), pick(random, SIZES));
            if (random.nextBoolean()) {
                app.process("worker", "bin/worker", random.nextInt(3), pick(random, SIZES));
            }
            if (random.nextInt(3) == 0) {
                app.process("release", "bin/migrate", 0, "standard-1x");
            }
            if (random.nextInt(6) == 0) {
                app.noBuildpacks();
            } else {
                app.buildpacks(BUILDPACKS[random.nextInt(BUILDPACKS.length)]);
            }
            app.domain(name + ".herokuapp.com", "heroku");
            if (random.nextBoolean()) {
                app.domain("www." + name + ".example", "custom");
            }
            if (random.nextInt(5) == 0) {
                app.domain("*." + name + ".example", "custom");
            }
            app.config("SECRET_KEY_BASE", SECRET_MARK + seed + "-" + i);
            app.config("HEROKU_APP_NAME", name);
            if (random.nextBoolean()) {
                AddOn pg = postgres(random, "pg-" + name, name);
                app.addon(pg).config("DATABASE_URL", "postgres://u:" + SECRET_MARK + i + "@h/d");
                if (random.nextInt(4) == 0) {
                    shareable.add(pg);
                }
            } else if (!shareable.isEmpty() && random.nextBoolean()) {
                AddOn shared = shareable.get(random.nextInt(shareable.size()));
                app.addon(shared).config("DATABASE_URL", "postgres://u:" + SECRET_MARK + i + "@h/d");
            }
            if (random.nextBoolean()) {
                Boolean queue = random.nextInt(3) == 0 ? null : random.nextBoolean();
                app.addon(Estates.redis("r-" + name, "redis-" + name, name, queue)
                                .build())
                        .config("REDIS_URL", "redis://:" + SECRET_MARK + i + "@r:6379");
            }
            if (random.nextBoolean()) {
                String service = pick(random, SERVICES);
                app.addon(new AddOn(
                                "x-" + name,
                                service + "-" + name,
                                service,
                                service + ":plan",
                                List.of(service.toUpperCase().replace('-', '_') + "_URL")))
                        .config(service.toUpperCase().replace('-', '_') + "_URL", "https://" + SECRET_MARK + i);
            }
            if (random.nextInt(4) == 0) {
                app.drain("logs" + i + ".example.net", "https://" + SECRET_MARK + "drain" + i, null);
            }
            if (random.nextInt(4) == 0) {
                app.features("preboot", "spaces-dns-discovery");
            }
            if (!spaces.isEmpty() && random.nextInt(3) == 0) {
                app.space(spaces.get(random.nextInt(spaces.size())).name());
            }
            if (random.nextInt(5) == 0) {
                String pipeline = "pipe-" + random.nextInt(3);
                app.pipeline(pipeline, random.nextBoolean() ? "staging" : "production");
            }
            app.release(1 + random.nextInt(100), random.nextBoolean());
            inventories.add(app.build());
        }
        Collections.shuffle(inventories, random);
        return Estates.estate(
                "d-" + seed, "alice", "acc-" + seed, inventories, random.nextInt(5) == 0 ? null : spaces, pipelines);
    }

    private static AddOn postgres(Random random, String name, String app) {
        long size = switch (random.nextInt(4)) {
            case 0 -> 500_000_000L;
            case 1 -> 20 * Estates.GB;
            case 2 -> 400 * Estates.GB;
            default -> 9 * Estates.GB;
        };
        boolean logical = random.nextInt(4) == 0;
        var builder = Estates.postgres(
                "pg-" + app,
                name,
                app,
                List.of(app),
                "heroku-postgresql:standard-" + (random.nextInt(4)),
                size,
                logical);
        if (random.nextInt(5) == 0) {
            builder.probe(null);
        } else if (random.nextInt(8) == 0) {
            builder.probe(new PostgresProbe(
                    false, "timeout", null, null, List.of(), null, List.of(), null, null, null, null, null));
        }
        return builder.build();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
