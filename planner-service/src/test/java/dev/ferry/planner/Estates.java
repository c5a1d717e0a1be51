package dev.ferry.planner;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.AppWebhook;
import dev.ferry.events.inventory.Collaborator;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.Domain;
import dev.ferry.events.inventory.DynoSize;
import dev.ferry.events.inventory.EstateDiscovered;
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
import dev.ferry.events.secret.SecretBox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inventories for planner tests, sealed with the test key; builders for table tests. */
public final class Estates {
    public static final SecretBox BOX = SecretBox.of("k1", "dGVzdC1rZXktZm9yLWZlcnJ5LXRlc3RzLW9ubHktMzI=");
    public static final String SECRET = "FAKE-secret-key-base-planner";
    public static final String DB_PASSWORD = "FAKE-pw-5b1e";
    public static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");
    public static final long GB = 1_000_000_000L;

    private Estates() {}

    /** A v1 inventory: a Rails app with web, worker and release, Postgres and Redis, and a Node admin. */
    public static EstateDiscovered shop(String discoveryId, String requestedBy) {
        return shop(discoveryId, requestedBy, "acc");
    }

    public static EstateDiscovered shop(String discoveryId, String requestedBy, String accountId) {
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
                        new ConfigVar("DATABASE_URL", BOX.seal("postgres://u:" + DB_PASSWORD + "@db/x")),
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
                new HerokuAccount(accountId, "platform@acme.example"),
                List.of(shop, admin),
                AT,
                requestedBy);
    }

    /** The same estate with every worker process at another quantity: a drift. */
    public static EstateDiscovered withWorkers(EstateDiscovered estate, String discoveryId, int quantity) {
        List<AppInventory> apps = estate.apps().stream()
                .map(a -> new AppInventory(
                        a.id(),
                        a.name(),
                        a.region(),
                        a.stack(),
                        a.formation().stream()
                                .map(p -> p.type().equals("worker")
                                        ? new ProcessType(p.type(), p.command(), quantity, p.size())
                                        : p)
                                .toList(),
                        a.configVars(),
                        a.addons(),
                        a.team(),
                        a.generation(),
                        a.buildpacks(),
                        a.procfile(),
                        a.domains(),
                        a.sniEndpoints(),
                        a.logDrains(),
                        a.features(),
                        a.webhooks(),
                        a.collaborators(),
                        a.release(),
                        a.pipeline(),
                        a.space(),
                        a.acm(),
                        a.maintenance()))
                .toList();
        return new EstateDiscovered(
                discoveryId,
                estate.account(),
                apps,
                estate.discoveredAt(),
                estate.requestedBy(),
                estate.teams(),
                estate.spaces(),
                estate.pipelines(),
                estate.dynoSizes());
    }

    /**
     * The demo estate with everything the inventory can discover: acme-shop and acme-admin share a
     * Postgres, acme-shop has a Sidekiq queue in Redis, SendGrid, Papertrail, a custom domain.
     */
    public static EstateDiscovered demo(String discoveryId, String requestedBy) {
        AddOn postgres = postgres(
                        "a-pg",
                        "postgresql-acme-shop-primary",
                        "acme-shop",
                        List.of("acme-admin", "acme-shop"),
                        "heroku-postgresql:standard-0",
                        3 * GB,
                        false)
                .build();
        AppInventory shop = app("acme-shop")
                .process("web", "bundle exec puma -C config/puma.rb", 2, "standard-1x")
                .process("worker", "bundle exec sidekiq -C config/sidekiq.yml", 1, "standard-2x")
                .process("release", "bundle exec rails db:migrate", 0, "standard-1x")
                .config("DATABASE_URL", "postgres://acme:" + DB_PASSWORD + "@ec2/d8acme")
                .config("SECRET_KEY_BASE", SECRET)
                .config("RAILS_ENV", "production")
                .config("SENDGRID_API_KEY", "FAKE-sendgrid-key-0001")
                .config("REDIS_URL", "redis://:FAKE-redis-pass@ec2:6379")
                .config("PAPERTRAIL_API_TOKEN", "FAKE-papertrail-token")
                .addon(postgres)
                .addon(redis("a-redis", "redis-acme-shop-cache", "acme-shop", true)
                        .build())
                .addon(new AddOn(
                        "a-sg", "sendgrid-acme-shop-mail", "sendgrid", "sendgrid:starter", List.of("SENDGRID_API_KEY")))
                .addon(new AddOn(
                        "a-pt",
                        "papertrail-acme-shop",
                        "papertrail",
                        "papertrail:choklad",
                        List.of("PAPERTRAIL_API_TOKEN")))
                .buildpacks("heroku/nodejs", "heroku/ruby")
                .domain("acme-shop.herokuapp.com", "heroku")
                .domain("shop.acme.example", "custom")
                .drain("logs.papertrailapp.com", "syslog+tls://logs.papertrailapp.com:12345", "papertrail-acme-shop")
                .features("preboot")
                .release(42, true)
                .build();
        AppInventory admin = app("acme-admin")
                .process("web", "bundle exec puma -C config/puma.rb", 1, "standard-1x")
                .config("DATABASE_URL", "postgres://acme:" + DB_PASSWORD + "@ec2/d8acme")
                .config("SECRET_KEY_BASE", "FAKE-admin-secret-key-base-2b81d0")
                .config("RAILS_ENV", "production")
                .addon(postgres)
                .buildpacks("heroku/ruby")
                .domain("acme-admin.herokuapp.com", "heroku")
                .release(17, false)
                .build();
        return estate(discoveryId, requestedBy, "acc-demo", List.of(shop, admin), List.of(), List.of());
    }

    public static EstateDiscovered estate(
            String discoveryId,
            String requestedBy,
            String accountId,
            List<AppInventory> apps,
            List<PrivateSpace> spaces,
            List<Pipeline> pipelines) {
        return new EstateDiscovered(
                discoveryId,
                new HerokuAccount(accountId, "platform@acme.example"),
                apps,
                AT,
                requestedBy,
                List.of(new Team("t1", "acme")),
                spaces,
                pipelines,
                List.of(
                        new DynoSize("standard-1x", 0.5, "1x", false),
                        new DynoSize("standard-2x", 1.0, "2x", false),
                        new DynoSize("performance-l", 14.0, "50x", true)));
    }

    public static PrivateSpace space(String name, boolean shield, List<String> trusted) {
        return new PrivateSpace(
                "s-" + name,
                name,
                "acme",
                "virginia",
                shield,
                trusted,
                List.of("52.0.0.1", "52.0.0.2"),
                List.of(new PrivateSpace.Peering("unknown", "pcx-123", List.of("10.1.0.0/16"), "active")),
                List.of(new PrivateSpace.VpnConnection(
                        "v1", "office", "203.0.113.9", List.of("192.168.0.0/24"), "active")));
    }

    public static AddOnBuilder postgres(
            String id,
            String name,
            String billingApp,
            List<String> attachedTo,
            String plan,
            Long size,
            boolean logical) {
        return new AddOnBuilder(id, name, "heroku-postgresql", plan, List.of("DATABASE_URL"))
                .billing(billingApp, attachedTo)
                .postgres(new PostgresInfo(plan, size, 12, "16.4", List.of(), "Available"))
                .probe(new PostgresProbe(
                        true,
                        null,
                        size,
                        "16.4",
                        List.of(
                                new PostgresProbe.Extension("pgcrypto", "heroku_ext", "1.3"),
                                new PostgresProbe.Extension("plpgsql", "pg_catalog", "1.0")),
                        12,
                        List.of(),
                        0L,
                        3,
                        logical ? "logical" : "replica",
                        logical,
                        logical));
    }

    public static AddOnBuilder redis(String id, String name, String billingApp, Boolean queue) {
        return new AddOnBuilder(id, name, "heroku-redis", "heroku-redis:premium-0", List.of("REDIS_URL"))
                .billing(billingApp, List.of(billingApp))
                .redis(new RedisInfo("heroku-redis:premium-0", "7.2.4", "noeviction", true))
                .redisProbe(new RedisProbe(
                        true,
                        null,
                        "7.2.4",
                        1_000_000L,
                        100L,
                        "noeviction",
                        Boolean.TRUE.equals(queue) ? List.of("sidekiq") : List.of(),
                        queue));
    }

    public static AppBuilder app(String name) {
        return new AppBuilder(name);
    }

    /** Builds an add-on with the post-v1 fields. */
    public static final class AddOnBuilder {
        private final String id;
        private final String name;
        private final String service;
        private final String plan;
        private List<String> vars;
        private String billingApp;
        private List<String> attachedTo;
        private PostgresInfo postgres;
        private PostgresProbe probe;
        private RedisInfo redis;
        private RedisProbe redisProbe;

        AddOnBuilder(String id, String name, String service, String plan, List<String> vars) {
            this.id = id;
            this.name = name;
            this.service = service;
            this.plan = plan;
            this.vars = vars;
        }

        /** The config vars the add-on sets. */
        public AddOnBuilder vars(String... names) {
            this.vars = List.of(names);
            return this;
        }

        public AddOnBuilder billing(String app, List<String> attached) {
            this.billingApp = app;
            this.attachedTo = attached;
            return this;
        }

        public AddOnBuilder postgres(PostgresInfo info) {
            this.postgres = info;
            return this;
        }

        public AddOnBuilder probe(PostgresProbe probe) {
            this.probe = probe;
            return this;
        }

        public AddOnBuilder redis(RedisInfo info) {
            this.redis = info;
            return this;
        }

        public AddOnBuilder redisProbe(RedisProbe probe) {
            this.redisProbe = probe;
            return this;
        }

        public AddOn build() {
            return new AddOn(
                    id,
                    name,
                    service,
                    plan,
                    vars,
                    billingApp,
                    attachedTo,
                    "DATABASE",
                    "provisioned",
                    postgres,
                    redis,
                    probe,
                    redisProbe);
        }
    }

    /** Builds an app with every post-v1 field filled (empty lists unless set). */
    public static final class AppBuilder {
        private final String name;
        private final List<ProcessType> formation = new ArrayList<>();
        private final Map<String, String> config = new LinkedHashMap<>();
        private final List<AddOn> addons = new ArrayList<>();
        private List<String> buildpacks = List.of("heroku/ruby");
        private final List<Domain> domains = new ArrayList<>();
        private final List<SniEndpoint> sni = new ArrayList<>();
        private final List<LogDrain> drains = new ArrayList<>();
        private List<String> features = List.of();
        private final List<AppWebhook> webhooks = new ArrayList<>();
        private ReleaseInfo release;
        private PipelineCoupling pipeline;
        private String space;
        private String region = "us";
        private boolean procfileKnown = true;

        AppBuilder(String name) {
            this.name = name;
        }

        public AppBuilder process(String type, String command, int quantity, String size) {
            formation.add(new ProcessType(type, command, quantity, size));
            return this;
        }

        public AppBuilder config(String name, String value) {
            config.put(name, value);
            return this;
        }

        public AppBuilder addon(AddOn addon) {
            addons.add(addon);
            return this;
        }

        public AppBuilder buildpacks(String... buildpacks) {
            this.buildpacks = buildpacks == null ? null : List.of(buildpacks);
            return this;
        }

        public AppBuilder noBuildpacks() {
            this.buildpacks = null;
            return this;
        }

        public AppBuilder domain(String hostname, String kind) {
            domains.add(
                    new Domain(hostname, kind, kind.equals("heroku") ? null : hostname + ".herokudns.com", null, null));
            return this;
        }

        public AppBuilder certificate(String hostname, boolean acm) {
            sni.add(new SniEndpoint("sni-" + hostname, "cert-" + hostname, List.of(hostname), null, acm));
            return this;
        }

        public AppBuilder drain(String host, String url, String addon) {
            drains.add(new LogDrain("d-" + host, host, BOX.seal(url), addon));
            return this;
        }

        public AppBuilder features(String... features) {
            this.features = List.of(features);
            return this;
        }

        public AppBuilder webhook(String host) {
            webhooks.add(new AppWebhook(
                    "w-" + host, host, BOX.seal("https://" + host + "/hook"), List.of("api:release"), "notify"));
            return this;
        }

        public AppBuilder release(int version, boolean releasePhase) {
            this.release = new ReleaseInfo(version, "succeeded", "Deploy", AT, releasePhase, List.of());
            return this;
        }

        public AppBuilder pipeline(String id, String stage) {
            this.pipeline = new PipelineCoupling(id, "pipe-" + id, stage);
            return this;
        }

        public AppBuilder space(String space) {
            this.space = space;
            return this;
        }

        public AppBuilder noProcfile() {
            this.procfileKnown = false;
            return this;
        }

        public AppInventory build() {
            List<ConfigVar> vars = new ArrayList<>();
            config.forEach((k, v) -> vars.add(new ConfigVar(k, BOX.seal(v))));
            Map<String, String> procfile = new LinkedHashMap<>();
            formation.forEach(p -> procfile.put(p.type(), p.command()));
            return new AppInventory(
                    "id-" + name,
                    name,
                    region,
                    "heroku-24",
                    List.copyOf(formation),
                    vars,
                    List.copyOf(addons),
                    "acme",
                    "cedar",
                    buildpacks,
                    procfileKnown ? procfile : null,
                    List.copyOf(domains),
                    List.copyOf(sni),
                    List.copyOf(drains),
                    features,
                    List.copyOf(webhooks),
                    List.of(new Collaborator("dev@acme.example", "admin")),
                    release,
                    pipeline,
                    space,
                    true,
                    false);
        }
    }
}
