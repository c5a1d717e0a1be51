package dev.ferry.inventory.service;

import dev.ferry.events.inventory.PipelineCoupling;
import dev.ferry.events.inventory.PostgresInfo;
import dev.ferry.events.inventory.PrivateSpace;
import dev.ferry.events.inventory.RedisInfo;
import dev.ferry.events.inventory.Team;
import dev.ferry.inventory.client.CallStats;
import dev.ferry.inventory.client.HerokuClient;
import dev.ferry.inventory.client.HerokuDtos;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what one call answers for the whole account (teams, add-ons, attachments, pipelines,
 * couplings, spaces, dyno sizes), the network of the Private Spaces the apps run in, and the Data
 * API facts of their Postgres and Redis add-ons (once per add-on, however many apps share it).
 */
@ApplicationScoped
public class AccountReader {
    private static final String POSTGRES = "heroku-postgresql";
    private static final String REDIS = "heroku-redis";

    private final HerokuClient heroku;

    public AccountReader(HerokuClient heroku) {
        this.heroku = heroku;
    }

    /** The account-wide facts for these apps; {@code parallelism} bounds the per-space and Data API calls. */
    public Uni<AccountFacts> read(
            HerokuDtos.Account account, List<HerokuDtos.App> apps, int parallelism, CallStats stats) {
        Uni<List<HerokuDtos.Team>> teams = heroku.teams(stats);
        Uni<List<HerokuDtos.AddOn>> addOns = heroku.allAddOns(stats);
        Uni<List<HerokuDtos.Attachment>> attachments = heroku.allAttachments(stats);
        Uni<List<HerokuDtos.Pipeline>> pipelines = heroku.pipelines(stats);
        Uni<List<HerokuDtos.Coupling>> couplings = heroku.pipelineCouplings(stats);
        Uni<List<HerokuDtos.Space>> spaces = heroku.spaces(stats);
        Uni<List<HerokuDtos.DynoSize>> sizes = heroku.dynoSizes(stats);
        return Uni.combine()
                .all()
                .unis(teams, addOns, attachments, pipelines, couplings, spaces, sizes)
                .asTuple()
                .flatMap(t -> {
                    Set<String> appIds = apps.stream().map(HerokuDtos.App::id).collect(Collectors.toSet());
                    Set<String> spaceNames = apps.stream()
                            .filter(a -> a.space() != null)
                            .map(a -> a.space().name())
                            .collect(Collectors.toSet());
                    List<HerokuDtos.Space> used = t.getItem6().stream()
                            .filter(s -> spaceNames.contains(s.name()))
                            .toList();
                    Map<String, List<HerokuDtos.Attachment>> byApp = t.getItem3().stream()
                            .filter(a ->
                                    a.app() != null && appIds.contains(a.app().id()))
                            .collect(Collectors.groupingBy(a -> a.app().id(), TreeMap::new, Collectors.toList()));
                    Map<String, HerokuDtos.AddOn> addOnsById = t.getItem2().stream()
                            .collect(Collectors.toMap(HerokuDtos.AddOn::id, Function.identity(), (a, b) -> a));
                    List<HerokuDtos.AddOn> dataAddOns = byApp.values().stream()
                            .flatMap(List::stream)
                            .map(a -> addOnsById.get(a.addon().id()))
                            .filter(Objects::nonNull)
                            .filter(a ->
                                    service(a).equals(POSTGRES) || service(a).equals(REDIS))
                            .distinct()
                            .sorted(Comparator.comparing(HerokuDtos.AddOn::name))
                            .toList();
                    Uni<List<PrivateSpace>> network = Parallel.map(used, parallelism, s -> space(s, stats));
                    Uni<List<Object>> data = Parallel.map(dataAddOns, parallelism, a -> dataFacts(a, stats));
                    return Uni.combine()
                            .all()
                            .unis(network, data)
                            .asTuple()
                            .map(n -> facts(
                                    account,
                                    t.getItem1(),
                                    addOnsById,
                                    t.getItem3(),
                                    byApp,
                                    t.getItem4(),
                                    t.getItem5(),
                                    apps,
                                    n.getItem1(),
                                    t.getItem7(),
                                    dataAddOns,
                                    n.getItem2()));
                });
    }

    private static AccountFacts facts(
            HerokuDtos.Account account,
            List<HerokuDtos.Team> teams,
            Map<String, HerokuDtos.AddOn> addOnsById,
            List<HerokuDtos.Attachment> allAttachments,
            Map<String, List<HerokuDtos.Attachment>> byApp,
            List<HerokuDtos.Pipeline> pipelines,
            List<HerokuDtos.Coupling> couplings,
            List<HerokuDtos.App> apps,
            List<PrivateSpace> spaces,
            List<HerokuDtos.DynoSize> sizes,
            List<HerokuDtos.AddOn> dataAddOns,
            List<Object> data) {
        Map<String, List<String>> attachedApps = allAttachments.stream()
                .filter(a -> a.addon() != null && a.app() != null)
                .collect(Collectors.groupingBy(
                        a -> a.addon().id(),
                        Collectors.collectingAndThen(
                                Collectors.mapping(a -> a.app().name(), Collectors.toList()),
                                l -> l.stream().distinct().sorted().toList())));
        Map<String, String> appNames =
                apps.stream().collect(Collectors.toMap(HerokuDtos.App::id, HerokuDtos.App::name, (a, b) -> a));
        Map<String, HerokuDtos.Pipeline> pipelinesById =
                pipelines.stream().collect(Collectors.toMap(HerokuDtos.Pipeline::id, Function.identity(), (a, b) -> a));
        Map<String, PipelineCoupling> couplingByApp = new HashMap<>();
        Map<String, List<dev.ferry.events.inventory.Pipeline.Coupling>> members = new TreeMap<>();
        for (HerokuDtos.Coupling c : couplings) {
            HerokuDtos.Pipeline p =
                    c.pipeline() == null ? null : pipelinesById.get(c.pipeline().id());
            if (p == null || c.app() == null) {
                continue;
            }
            couplingByApp.put(c.app().id(), new PipelineCoupling(p.id(), p.name(), c.stage()));
            members.computeIfAbsent(p.id(), id -> new ArrayList<>())
                    .add(new dev.ferry.events.inventory.Pipeline.Coupling(
                            appNames.getOrDefault(c.app().id(), c.app().id()), c.stage()));
        }
        Map<String, dev.ferry.events.inventory.Pipeline> pipelineEvents = new TreeMap<>();
        members.forEach((id, list) -> {
            if (list.stream().anyMatch(c -> appNames.containsValue(c.app()))) {
                HerokuDtos.Pipeline p = pipelinesById.get(id);
                pipelineEvents.put(
                        id,
                        new dev.ferry.events.inventory.Pipeline(
                                p.id(),
                                p.name(),
                                list.stream()
                                        .sorted(Comparator.comparing(dev.ferry.events.inventory.Pipeline.Coupling::app))
                                        .toList()));
            }
        });
        Map<String, PostgresInfo> postgres = new HashMap<>();
        Map<String, RedisInfo> redis = new HashMap<>();
        for (int i = 0; i < dataAddOns.size(); i++) {
            Object fact = data.get(i);
            if (fact instanceof PostgresInfo pg) {
                postgres.put(dataAddOns.get(i).id(), pg);
            } else if (fact instanceof RedisInfo r) {
                redis.put(dataAddOns.get(i).id(), r);
            }
        }
        return new AccountFacts(
                account,
                teams.stream().map(t -> new Team(t.id(), t.name())).toList(),
                addOnsById,
                byApp,
                attachedApps,
                couplingByApp,
                pipelineEvents,
                spaces.stream()
                        .collect(Collectors.toMap(PrivateSpace::name, Function.identity(), (a, b) -> a, TreeMap::new)),
                sizes,
                postgres,
                redis);
    }

    private Uni<PrivateSpace> space(HerokuDtos.Space s, CallStats stats) {
        return Uni.combine()
                .all()
                .unis(
                        heroku.inboundRuleset(s.name(), stats),
                        heroku.nat(s.name(), stats),
                        heroku.peerings(s.name(), stats),
                        heroku.vpnConnections(s.name(), stats))
                .asTuple()
                .map(t -> new PrivateSpace(
                        s.id(),
                        s.name(),
                        s.team() == null ? null : s.team().name(),
                        s.region() == null ? null : s.region().name(),
                        Boolean.TRUE.equals(s.shield()),
                        t.getItem1().rules() == null
                                ? List.of()
                                : t.getItem1().rules().stream()
                                        .filter(r -> "allow".equals(r.action()))
                                        .map(HerokuDtos.InboundRuleset.Rule::source)
                                        .toList(),
                        t.getItem2().sources() == null
                                ? List.of()
                                : t.getItem2().sources(),
                        t.getItem3().stream()
                                .map(p -> new PrivateSpace.Peering(
                                        p.type(),
                                        p.pcxId(),
                                        p.cidrBlocks() == null ? List.of() : p.cidrBlocks(),
                                        p.status()))
                                .toList(),
                        t.getItem4().stream()
                                .map(v -> new PrivateSpace.VpnConnection(
                                        v.id(),
                                        v.name(),
                                        v.publicIp(),
                                        v.routableCidrs() == null ? List.of() : v.routableCidrs(),
                                        v.status()))
                                .toList()));
    }

    private Uni<Object> dataFacts(HerokuDtos.AddOn a, CallStats stats) {
        String plan = a.plan() == null ? null : a.plan().name();
        if (service(a).equals(POSTGRES)) {
            return heroku.postgres(a.id(), stats)
                    .map(db -> new PostgresInfo(
                            plan,
                            db.numBytes(),
                            db.numTables(),
                            db.postgresVersion(),
                            info(db.info(), "Followers"),
                            first(info(db.info(), "Status"))));
        }
        return heroku.redis(a.id(), stats)
                .map(db ->
                        new RedisInfo(plan, db.version(), first(info(db.info(), "Maxmemory")), db.preferNativeTls()));
    }

    private static List<String> info(List<HerokuDtos.InfoRow> rows, String name) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream()
                .filter(r -> name.equals(r.name()))
                .findFirst()
                .map(r -> r.values() == null ? List.<String>of() : r.values())
                .orElse(List.of());
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    static String service(HerokuDtos.AddOn a) {
        return a.addonService() == null ? "" : a.addonService().name();
    }
}
