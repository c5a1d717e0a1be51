package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.service.EstateDocument.AddOnSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.AppSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.AttachmentSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.CollaboratorSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.CouplingSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.DomainSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.FormationSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.LogDrainSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.PipelineSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.ReleaseSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.SniEndpointSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.WebhookSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code n} generated apps to an estate document so benchmarks can read a large, varied
 * account. App {@code i} gets, by its number: a team owner (every third, when the estate has a team),
 * Heroku Postgres (three in five), Heroku Redis (one in five), custom domains with ACM (three in
 * ten), a pipeline stage (apps ending in 1 and 2 share a pipeline), a Papertrail drain (one in
 * seven), preboot (one in four), a webhook (one in nine), a release phase (one in three) and a
 * recent failed release (one in 25). The same {@code n} always yields the same apps and ids.
 */
final class GeneratedApps {

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    private GeneratedApps() {}

    /** The document with {@code count} apps {@code gen-app-00001}... */
    static EstateDocument addTo(EstateDocument document, int count) {
        if (count <= 0) {
            return document;
        }
        if (document.accounts().isEmpty()) {
            throw new IllegalArgumentException("generated apps need an account in the estate to own them");
        }
        String owner = document.accounts().get(0).email();
        String team = document.teams().stream()
                .filter(t -> t.members().contains(owner))
                .map(EstateDocument.TeamSpec::name)
                .findFirst()
                .orElse(null);
        List<AppSpec> apps = new ArrayList<>(document.apps());
        List<AddOnSpec> addons = new ArrayList<>(document.addons());
        List<PipelineSpec> pipelines = new ArrayList<>(document.pipelines());
        for (int i = 1; i <= count; i++) {
            String name = String.format("gen-app-%05d", i);
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("SECRET_KEY_BASE", "FAKE-secret-" + Integer.toHexString(i * 7919));
            vars.put("RAILS_ENV", "production");
            vars.put("WEB_CONCURRENCY", Integer.toString(1 + i % 4));
            boolean postgres = i % 5 < 3;
            boolean redis = i % 5 == 0;
            boolean papertrail = i % 7 == 0;
            if (postgres) {
                vars.put("DATABASE_URL", "postgres://u" + i + ":FAKE-pw-" + i + "@db-" + i + ".example:5432/d" + i);
                addons.add(attached(
                        "postgresql-" + name,
                        "heroku-postgresql",
                        "heroku-postgresql:standard-0",
                        name,
                        "DATABASE_URL"));
            }
            if (redis) {
                vars.put("REDIS_URL", "rediss://:FAKE-redis-" + i + "@redis-" + i + ".example:6380");
                addons.add(attached("redis-" + name, "heroku-redis", "heroku-redis:premium-0", name, "REDIS_URL"));
            }
            if (papertrail) {
                vars.put("PAPERTRAIL_API_TOKEN", "FAKE-papertrail-" + i);
                addons.add(attached(
                        "papertrail-" + name, "papertrail", "papertrail:choklad", name, "PAPERTRAIL_API_TOKEN"));
            }
            List<FormationSpec> formation = new ArrayList<>(List.of(
                    new FormationSpec(null, "web", "bundle exec puma -C config/puma.rb", 1 + i % 3, "standard-1x"),
                    new FormationSpec(null, "worker", "bundle exec sidekiq", i % 2, "standard-2x")));
            boolean releasePhase = i % 3 == 1;
            if (releasePhase) {
                formation.add(new FormationSpec(null, "release", "bundle exec rails db:migrate", 0, "standard-1x"));
            }
            boolean custom = i % 10 < 3;
            String host = "www." + name + ".example.com";
            List<DomainSpec> domains =
                    custom ? List.of(new DomainSpec(host, null, null, "cert issued", "cert-" + name)) : List.of();
            List<SniEndpointSpec> certs = custom
                    ? List.of(new SniEndpointSpec(
                            "cert-" + name, List.of(host), BASE, BASE.plusSeconds(86_400L * (30 + i % 60)), null, true))
                    : List.of();
            List<LogDrainSpec> drains = papertrail
                    ? List.of(new LogDrainSpec(
                            "syslog+tls://logs" + (i % 9) + ".papertrailapp.com:" + (10000 + i), "papertrail-" + name))
                    : List.of();
            List<ReleaseSpec> releases = List.of(
                    new ReleaseSpec(1, "Initial release", null, releasePhase, BASE, null),
                    new ReleaseSpec(
                            2,
                            "Deploy 1a2b3c4",
                            i % 25 == 0 ? "failed" : null,
                            releasePhase,
                            BASE.plusSeconds(3600),
                            null),
                    new ReleaseSpec(3, "Deploy 5d6e7f8", null, releasePhase, BASE.plusSeconds(7200), null));
            boolean teamOwned = team != null && i % 3 == 0;
            apps.add(new AppSpec(
                    null,
                    name,
                    i % 5 == 0 ? "eu" : "us",
                    null,
                    null,
                    teamOwned ? null : owner,
                    teamOwned ? team : null,
                    null,
                    null,
                    null,
                    "Ruby",
                    false,
                    50_000_000L + i,
                    formation,
                    vars,
                    custom,
                    null,
                    i % 6 == 0 ? List.of("heroku/nodejs", "heroku/ruby") : List.of("heroku/ruby"),
                    domains,
                    certs,
                    drains,
                    i % 4 == 1 ? List.of("preboot") : List.of(),
                    i % 9 == 0
                            ? List.of(new WebhookSpec(
                                    "https://hooks.example.com/heroku/" + name + "?token=FAKE-hook-" + i,
                                    List.of("api:release", "api:build"),
                                    "notify"))
                            : List.of(),
                    List.of(new CollaboratorSpec(
                            "dev" + (i % 12) + "@acme.example", teamOwned ? "member" : "collaborator")),
                    releases));
            if (i % 10 == 2) {
                pipelines.add(new PipelineSpec(
                        null,
                        "gen-pipeline-" + (i / 10),
                        null,
                        List.of(
                                new CouplingSpec(String.format("gen-app-%05d", i - 1), "staging"),
                                new CouplingSpec(name, "production"))));
            }
        }
        return new EstateDocument(
                document.description(),
                document.accounts(),
                document.teams(),
                apps,
                addons,
                document.spaces(),
                pipelines);
    }

    private static AddOnSpec attached(String name, String service, String plan, String app, String var) {
        return new AddOnSpec(
                null,
                name,
                service,
                plan,
                app,
                List.of(var),
                null,
                5000,
                null,
                List.of(new AttachmentSpec(null, app, null, null, null)));
    }
}
