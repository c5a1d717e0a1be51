package dev.ferry.inventory.domain;

import dev.ferry.events.inventory.DynoSize;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.Pipeline;
import dev.ferry.events.inventory.PrivateSpace;
import dev.ferry.events.inventory.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a discovery found beyond its apps, as people may see it: teams, Private Spaces with their
 * network, pipelines with their stages, and the dyno sizes in use. Every field is copied by name, so
 * a secret added to the event later (e.g. a VPN tunnel's pre-shared key) cannot leak through it. A
 * list is null when the snapshot did not read it (snapshots before v2).
 */
public record EstateView(
        String discoveryId,
        List<TeamView> teams,
        List<SpaceView> spaces,
        List<PipelineView> pipelines,
        List<DynoSizeView> dynoSizes) {

    /** A team the token can see. */
    public record TeamView(String id, String name) {}

    /**
     * A Private Space and its network.
     *
     * @param trustedIpRanges the inbound allowlist's CIDRs
     * @param natOutboundIps the stable outbound IPs third parties may allowlist
     */
    public record SpaceView(
            String id,
            String name,
            String team,
            String region,
            boolean shield,
            List<String> trustedIpRanges,
            List<String> natOutboundIps,
            List<PeeringView> peerings,
            List<VpnConnectionView> vpnConnections) {}

    /** A VPC peering. */
    public record PeeringView(String type, String pcxId, List<String> cidrBlocks, String status) {}

    /** A VPN connection without its tunnels, whose pre-shared keys are secrets. */
    public record VpnConnectionView(
            String id, String name, String publicIp, List<String> routableCidrs, String status) {}

    /** A pipeline and its stages in Heroku's order (review, development, staging, production). */
    public record PipelineView(String id, String name, List<StageView> stages) {}

    /** The apps coupled to one stage of a pipeline, sorted. */
    public record StageView(String stage, List<String> apps) {}

    /**
     * A dyno size in use.
     *
     * @param memoryGb RAM in GB
     * @param compute Heroku's compute multiplier, e.g. {@code 4x}
     */
    public record DynoSizeView(String name, double memoryGb, String compute, boolean dedicated) {}

    /** Heroku's pipeline stages, in the order a release moves through them. */
    private static final List<String> STAGES = List.of("review", "development", "staging", "production");

    /** The view of a snapshot. */
    public static EstateView of(EstateDiscovered estate) {
        return new EstateView(
                estate.discoveryId(),
                map(estate.teams(), EstateView::team),
                map(estate.spaces(), EstateView::space),
                map(estate.pipelines(), EstateView::pipeline),
                map(estate.dynoSizes(), EstateView::dynoSize));
    }

    private static TeamView team(Team t) {
        return new TeamView(t.id(), t.name());
    }

    private static SpaceView space(PrivateSpace s) {
        return new SpaceView(
                s.id(),
                s.name(),
                s.team(),
                s.region(),
                s.shield(),
                s.trustedIpRanges(),
                s.natOutboundIps(),
                map(s.peerings(), p -> new PeeringView(p.type(), p.pcxId(), p.cidrBlocks(), p.status())),
                map(
                        s.vpnConnections(),
                        v -> new VpnConnectionView(v.id(), v.name(), v.publicIp(), v.routableCidrs(), v.status())));
    }

    private static PipelineView pipeline(Pipeline p) {
        Map<String, List<String>> byStage = new LinkedHashMap<>();
        p.couplings().stream()
                .sorted(Comparator.comparingInt((Pipeline.Coupling c) -> stageOrder(c.stage()))
                        .thenComparing(c -> String.valueOf(c.stage()))
                        .thenComparing(Pipeline.Coupling::app))
                .forEach(c -> byStage.computeIfAbsent(c.stage(), s -> new ArrayList<>())
                        .add(c.app()));
        return new PipelineView(
                p.id(),
                p.name(),
                byStage.entrySet().stream()
                        .map(e -> new StageView(e.getKey(), List.copyOf(e.getValue())))
                        .toList());
    }

    private static int stageOrder(String stage) {
        int i = STAGES.indexOf(stage);
        return i < 0 ? STAGES.size() : i;
    }

    private static DynoSizeView dynoSize(DynoSize d) {
        return new DynoSizeView(d.name(), d.memoryGb(), d.compute(), d.dedicated());
    }

    private static <A, B> List<B> map(List<A> items, java.util.function.Function<A, B> view) {
        return items == null ? null : items.stream().map(view).toList();
    }
}
