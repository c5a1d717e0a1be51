package dev.ferry.inventory.service;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.AppWebhook;
import dev.ferry.events.inventory.Collaborator;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.Domain;
import dev.ferry.events.inventory.LogDrain;
import dev.ferry.events.inventory.ProcessType;
import dev.ferry.events.inventory.ReleaseInfo;
import dev.ferry.events.inventory.SniEndpoint;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.inventory.client.CallStats;
import dev.ferry.inventory.client.HerokuClient;
import dev.ferry.inventory.client.HerokuDtos;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one Heroku app into an inventory, sealing config var values, drain and webhook URLs the
 * moment they arrive. Its eight reads (formation, config vars, recent releases, domains, log drains,
 * features, webhooks, collaborators) run together; SNI endpoints are read only when the app has a
 * custom domain, buildpacks only when the app list did not carry them; add-ons, pipeline and space
 * come from the account-wide {@link AccountFacts}.
 */
@ApplicationScoped
public class EstateReader {
    static final int RECENT_RELEASES = 10;

    private final HerokuClient heroku;
    private final SecretBox secrets;

    public EstateReader(HerokuClient heroku, SecretBox secrets) {
        this.heroku = heroku;
        this.secrets = secrets;
    }

    /** The full inventory of an app. */
    public Uni<AppInventory> read(HerokuDtos.App app, AccountFacts facts, CallStats stats) {
        String a = app.name();
        Uni<Routing> routing = heroku.domains(a, stats)
                .flatMap(domains -> domains.stream().anyMatch(d -> "custom".equals(d.kind()))
                        ? heroku.sniEndpoints(a, stats).map(certs -> new Routing(domains, certs))
                        : Uni.createFrom().item(new Routing(domains, List.of())));
        Uni<List<String>> buildpacks = app.buildpacks() != null
                ? Uni.createFrom()
                        .item(app.buildpacks().stream()
                                .map(EstateReader::buildpack)
                                .toList())
                : heroku.buildpacks(a, stats)
                        .map(list -> list.stream()
                                .sorted(Comparator.comparingInt(HerokuDtos.BuildpackInstallation::ordinal))
                                .map(b -> buildpack(b.buildpack()))
                                .toList());
        List<Uni<?>> reads = List.of(
                heroku.formation(a, stats),
                heroku.configVars(a, stats),
                heroku.recentReleases(a, RECENT_RELEASES, stats),
                routing,
                heroku.logDrains(a, stats),
                heroku.features(a, stats),
                heroku.webhooks(a, stats),
                heroku.collaborators(a, stats),
                buildpacks);
        return Uni.combine().all().unis(reads).with(results -> assemble(app, facts, results));
    }

    /** Domains and the certificates serving them. */
    private record Routing(List<HerokuDtos.Domain> domains, List<HerokuDtos.SniEndpoint> certs) {}

    @SuppressWarnings("unchecked")
    private AppInventory assemble(HerokuDtos.App app, AccountFacts facts, List<?> r) {
        List<HerokuDtos.Formation> formation = (List<HerokuDtos.Formation>) r.get(0);
        Map<String, String> configVars = (Map<String, String>) r.get(1);
        List<HerokuDtos.Release> releases = (List<HerokuDtos.Release>) r.get(2);
        Routing routing = (Routing) r.get(3);
        List<HerokuDtos.LogDrain> drains = (List<HerokuDtos.LogDrain>) r.get(4);
        List<HerokuDtos.Feature> features = (List<HerokuDtos.Feature>) r.get(5);
        List<HerokuDtos.Webhook> webhooks = (List<HerokuDtos.Webhook>) r.get(6);
        List<HerokuDtos.Collaborator> collaborators = (List<HerokuDtos.Collaborator>) r.get(7);
        List<String> buildpacks = (List<String>) r.get(8);
        List<HerokuDtos.Formation> sorted = formation.stream()
                .sorted(Comparator.comparing(HerokuDtos.Formation::type))
                .toList();
        // The Procfile from the formation's commands, not the released slug's process_types: one slug call
        // fewer keeps an app under 10 calls, and every process type that runs has a formation entry.
        Map<String, String> procfile = new LinkedHashMap<>();
        sorted.forEach(p -> procfile.put(p.type(), p.command()));
        return new AppInventory(
                app.id(),
                app.name(),
                app.region() == null ? null : app.region().name(),
                app.stack() == null ? null : app.stack().name(),
                sorted.stream()
                        .map(p -> new ProcessType(p.type(), p.command(), p.quantity(), p.size()))
                        .toList(),
                configVars.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new ConfigVar(e.getKey(), secrets.seal(e.getValue())))
                        .toList(),
                addOns(app, facts),
                app.team() == null ? null : app.team().name(),
                app.generation() == null ? null : app.generation().name(),
                buildpacks,
                procfile,
                routing.domains().stream()
                        .map(d -> new Domain(
                                d.hostname(),
                                d.kind(),
                                d.cname(),
                                d.acmStatus(),
                                d.sniEndpoint() == null ? null : d.sniEndpoint().name()))
                        .sorted(Comparator.comparing(Domain::hostname))
                        .toList(),
                routing.certs().stream()
                        .map(c -> new SniEndpoint(
                                c.id(),
                                c.name(),
                                c.sslCert() == null || c.sslCert().certDomains() == null
                                        ? List.of()
                                        : c.sslCert().certDomains(),
                                c.sslCert() == null ? null : instant(c.sslCert().expiresAt()),
                                Boolean.TRUE.equals(app.acm())))
                        .toList(),
                drains.stream()
                        .map(d -> new LogDrain(
                                d.id(),
                                host(d.url()),
                                secrets.seal(d.url()),
                                d.addon() == null ? null : d.addon().name()))
                        .toList(),
                features.stream()
                        .filter(HerokuDtos.Feature::enabled)
                        .map(HerokuDtos.Feature::name)
                        .sorted()
                        .toList(),
                webhooks.stream()
                        .map(w -> new AppWebhook(
                                w.id(),
                                host(w.url()),
                                secrets.seal(w.url()),
                                w.include() == null ? List.of() : w.include(),
                                w.level()))
                        .toList(),
                collaborators.stream()
                        .filter(c -> c.user() != null)
                        .map(c -> new Collaborator(c.user().email(), c.role()))
                        .sorted(Comparator.comparing(Collaborator::email))
                        .toList(),
                release(releases, formation),
                facts.couplingByApp().get(app.id()),
                app.space() == null ? null : app.space().name(),
                app.acm(),
                app.maintenance());
    }

    private List<AddOn> addOns(HerokuDtos.App app, AccountFacts facts) {
        return facts.attachmentsByApp().getOrDefault(app.id(), List.of()).stream()
                .map(att -> {
                    HerokuDtos.AddOn a = facts.addOnsById().get(att.addon().id());
                    if (a == null) {
                        return null;
                    }
                    List<String> vars = att.configVars() != null
                            ? att.configVars()
                            : a.configVars() == null ? List.of() : a.configVars();
                    return new AddOn(
                            a.id(),
                            a.name(),
                            AccountReader.service(a),
                            a.plan() == null ? null : a.plan().name(),
                            vars,
                            a.app() == null ? null : a.app().name(),
                            facts.attachedAppsByAddOn().getOrDefault(a.id(), List.of(app.name())),
                            att.name(),
                            a.state(),
                            facts.postgres().get(a.id()),
                            facts.redis().get(a.id()),
                            null,
                            null);
                })
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(AddOn::name).thenComparing(x -> String.valueOf(x.attachmentName())))
                .toList();
    }

    /** The current release, whether a release phase runs, and the failures among the recent releases. */
    static ReleaseInfo release(List<HerokuDtos.Release> newestFirst, List<HerokuDtos.Formation> formation) {
        HerokuDtos.Release current = newestFirst.stream()
                .filter(r -> Boolean.TRUE.equals(r.current()))
                .findFirst()
                .orElse(newestFirst.stream()
                        .filter(r -> "succeeded".equals(r.status()))
                        .findFirst()
                        .orElse(null));
        if (current == null) {
            return null;
        }
        boolean releasePhase =
                current.outputStreamUrl() != null || formation.stream().anyMatch(p -> "release".equals(p.type()));
        return new ReleaseInfo(
                current.version(),
                current.status(),
                current.description(),
                instant(current.createdAt()),
                releasePhase,
                newestFirst.stream()
                        .filter(r -> "failed".equals(r.status()))
                        .map(r -> new ReleaseInfo.FailedRelease(r.version(), r.description(), instant(r.createdAt())))
                        .toList());
    }

    private static String buildpack(HerokuDtos.Buildpack b) {
        return b.name() != null ? b.name() : b.url();
    }

    /** The host of a URL, or {@code unknown} when it has none; never the URL itself. */
    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "unknown" : host;
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
