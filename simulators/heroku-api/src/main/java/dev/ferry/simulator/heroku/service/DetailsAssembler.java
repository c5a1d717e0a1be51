package dev.ferry.simulator.heroku.service;

import static dev.ferry.simulator.heroku.service.EstateAssembler.isBlank;
import static dev.ferry.simulator.heroku.service.EstateAssembler.orDefault;

import dev.ferry.simulator.heroku.domain.AppDetails;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.domain.Space;
import dev.ferry.simulator.heroku.domain.Team;
import dev.ferry.simulator.heroku.service.EstateDocument.AppSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.DomainSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.ReleaseSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds an app's {@link AppDetails} from its spec: the default {@code herokuapp.com} domain plus
 * custom ones, certificates, drains (checking the add-ons that created them), features, webhooks,
 * collaborators and releases (one succeeded release when none is declared).
 */
final class DetailsAssembler {

    static final Set<String> FEATURES = Set.of(
            "preboot",
            "runtime-dyno-metadata",
            "http-session-affinity",
            "log-runtime-metrics",
            "runtime-heroku-metrics",
            "spaces-dns-discovery",
            "nodejs-language-metrics");
    private static final Set<String> STAGES = Set.of("test", "review", "development", "staging", "production");
    private static final Set<String> RELEASE_STATUSES = Set.of("succeeded", "failed", "pending", "expired");

    private final Map<String, Space> spacesByName;
    private final Map<String, UUID> addOnIdsByName;
    private final List<String> problems;

    DetailsAssembler(Map<String, Space> spacesByName, Map<String, UUID> addOnIdsByName, List<String> problems) {
        this.spacesByName = spacesByName;
        this.addOnIdsByName = addOnIdsByName;
        this.problems = problems;
    }

    static boolean validStage(String stage) {
        return stage != null && STAGES.contains(stage);
    }

    AppDetails details(AppSpec spec, Team team, String ownerEmail, Instant created, Instant released) {
        String where = "app " + spec.name();
        UUID spaceId = null;
        if (spec.space() != null) {
            Space space = spacesByName.get(spec.space());
            if (space == null) {
                problems.add(where + ": unknown space " + spec.space());
            } else if (team == null || !space.teamId().equals(team.id())) {
                problems.add(where + ": space " + spec.space() + " belongs to another team");
            } else {
                spaceId = space.id();
            }
        }
        List<String> buildpacks = spec.buildpacks() != null
                ? spec.buildpacks()
                : spec.buildpackProvidedDescription() == null
                        ? List.of()
                        : List.of(
                                "heroku/" + spec.buildpackProvidedDescription().toLowerCase(Locale.ROOT));
        return new AppDetails(
                Boolean.TRUE.equals(spec.acm()),
                spaceId,
                buildpacks,
                domains(spec, created),
                sniEndpoints(spec, created),
                drains(spec, created),
                features(spec),
                spec.webhooks().stream()
                        .map(w -> new AppDetails.Webhook(
                                Ids.derive("webhook", spec.name() + "/" + w.url()),
                                w.url(),
                                w.include() == null ? List.of("api:release") : w.include(),
                                orDefault(w.level(), "notify"),
                                created))
                        .toList(),
                spec.collaborators().stream()
                        .map(c -> new AppDetails.Collaborator(
                                Ids.derive("collaborator", spec.name() + "/" + c.email()),
                                c.email(),
                                c.role(),
                                created))
                        .toList(),
                releases(spec, ownerEmail, released));
    }

    private List<AppDetails.Domain> domains(AppSpec spec, Instant created) {
        List<AppDetails.Domain> result = new ArrayList<>();
        String heroku = spec.name() + ".herokuapp.com";
        result.add(new AppDetails.Domain(Ids.derive("domain", heroku), heroku, "heroku", null, null, null, created));
        Set<String> certs = new HashSet<>();
        spec.sniEndpoints().forEach(s -> certs.add(s.name()));
        for (DomainSpec d : spec.domains()) {
            if (isBlank(d.hostname())) {
                problems.add("app " + spec.name() + ": a domain has no hostname");
                continue;
            }
            if (d.sniEndpoint() != null && !certs.contains(d.sniEndpoint())) {
                problems.add(
                        "app " + spec.name() + " domain " + d.hostname() + ": unknown sni_endpoint " + d.sniEndpoint());
            }
            String cname = orDefault(
                    d.cname(),
                    d.hostname().replace('.', '-') + "-"
                            + Ids.derive("cname", d.hostname()).toString().substring(0, 8) + ".herokudns.com");
            result.add(new AppDetails.Domain(
                    Ids.derive("domain", d.hostname()),
                    d.hostname(),
                    orDefault(d.kind(), "custom"),
                    cname,
                    d.acmStatus(),
                    d.sniEndpoint(),
                    created));
        }
        return result;
    }

    private List<AppDetails.SniEndpoint> sniEndpoints(AppSpec spec, Instant created) {
        return spec.sniEndpoints().stream()
                .map(s -> {
                    Instant starts = orDefault(s.startsAt(), created);
                    return new AppDetails.SniEndpoint(
                            Ids.derive("sni-endpoint", spec.name() + "/" + s.name()),
                            s.name(),
                            s.domains() == null ? List.of() : s.domains(),
                            starts,
                            orDefault(s.expiresAt(), starts.plus(90, ChronoUnit.DAYS)),
                            orDefault(s.issuer(), Boolean.TRUE.equals(s.acm()) ? "/C=US/O=Let's Encrypt/CN=R3" : null),
                            Boolean.TRUE.equals(s.acm()),
                            created);
                })
                .toList();
    }

    private List<AppDetails.LogDrain> drains(AppSpec spec, Instant created) {
        List<AppDetails.LogDrain> result = new ArrayList<>();
        for (var d : spec.logDrains()) {
            if (isBlank(d.url())) {
                problems.add("app " + spec.name() + ": a log drain has no url");
                continue;
            }
            UUID addOnId = null;
            if (d.addon() != null) {
                addOnId = addOnIdsByName.get(d.addon());
                if (addOnId == null) {
                    problems.add("app " + spec.name() + " log drain: unknown add-on " + d.addon());
                }
            }
            UUID id = Ids.derive("log-drain", spec.name() + "/" + d.url());
            result.add(new AppDetails.LogDrain(id, d.url(), "d." + id, addOnId, created));
        }
        return result;
    }

    private List<String> features(AppSpec spec) {
        for (String f : spec.features()) {
            if (!FEATURES.contains(f)) {
                problems.add("app " + spec.name() + ": unknown feature " + f + " (known: " + FEATURES + ")");
            }
        }
        return spec.features();
    }

    private List<AppDetails.Release> releases(AppSpec spec, String ownerEmail, Instant released) {
        boolean releasePhase = spec.formation().stream().anyMatch(f -> "release".equals(f.type()));
        if (spec.releases().isEmpty()) {
            return List.of(new AppDetails.Release(
                    Ids.derive("release", spec.name() + "/1"),
                    1,
                    "Deploy",
                    "succeeded",
                    releasePhase,
                    ownerEmail,
                    released));
        }
        List<AppDetails.Release> result = new ArrayList<>();
        Set<Integer> versions = new HashSet<>();
        int next = 1;
        for (ReleaseSpec r : spec.releases()) {
            int version = orDefault(r.version(), next);
            next = version + 1;
            String status = orDefault(r.status(), "succeeded");
            if (!versions.add(version)) {
                problems.add("app " + spec.name() + ": release v" + version + " is listed twice");
            }
            if (!RELEASE_STATUSES.contains(status)) {
                problems.add("app " + spec.name() + " release v" + version + ": unknown status " + status);
            }
            result.add(new AppDetails.Release(
                    Ids.derive("release", spec.name() + "/" + version),
                    version,
                    orDefault(r.description(), "Deploy"),
                    status,
                    r.releasePhase() == null ? releasePhase : r.releasePhase(),
                    orDefault(r.user(), ownerEmail),
                    orDefault(r.createdAt(), released)));
        }
        result.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return result;
    }
}
