package dev.ferry.simulator.heroku.service;

import static dev.ferry.simulator.heroku.service.EstateAssembler.DEFAULT_TIME;
import static dev.ferry.simulator.heroku.service.EstateAssembler.isBlank;
import static dev.ferry.simulator.heroku.service.EstateAssembler.orDefault;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.domain.Pipeline;
import dev.ferry.simulator.heroku.domain.Space;
import dev.ferry.simulator.heroku.domain.Team;
import dev.ferry.simulator.heroku.service.EstateDocument.PipelineSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.SpaceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds Private Spaces (before apps, which name them) and pipelines (after apps, which they couple). */
final class NetworkAssembler {

    private final Map<String, Team> teamsByName;
    private final List<String> problems;

    NetworkAssembler(Map<String, Team> teamsByName, List<String> problems) {
        this.teamsByName = teamsByName;
        this.problems = problems;
    }

    Map<String, Space> spaces(List<SpaceSpec> specs) {
        Map<String, Space> result = new LinkedHashMap<>();
        for (SpaceSpec spec : specs) {
            if (isBlank(spec.name()) || result.containsKey(spec.name())) {
                problems.add("space " + spec.name() + " has no name or is listed twice");
                continue;
            }
            Team team = spec.team() == null ? null : teamsByName.get(spec.team());
            if (team == null) {
                problems.add("space " + spec.name() + " needs a known team, not " + spec.team());
                continue;
            }
            List<Space.VpnConnection> vpns = new ArrayList<>();
            for (var vpn : spec.vpnConnections() == null ? List.<EstateDocument.VpnSpec>of() : spec.vpnConnections()) {
                vpns.add(new Space.VpnConnection(
                        Ids.derive("vpn", spec.name() + "/" + vpn.name()),
                        vpn.name(),
                        vpn.publicIp(),
                        orDefault(vpn.routableCidrs(), List.of()),
                        orDefault(vpn.status(), "active"),
                        orDefault(vpn.tunnels(), List.<EstateDocument.TunnelSpec>of()).stream()
                                .map(t -> new Space.Tunnel(
                                        t.ip(), t.customerIp(), t.preSharedKey(), orDefault(t.status(), "UP")))
                                .toList()));
            }
            result.put(
                    spec.name(),
                    new Space(
                            orDefault(spec.id(), Ids.derive("space", spec.name())),
                            spec.name(),
                            team.id(),
                            orDefault(spec.region(), "virginia"),
                            Boolean.TRUE.equals(spec.shield()),
                            orDefault(spec.cidr(), "10.0.0.0/16"),
                            orDefault(spec.trustedIpRanges(), List.of("0.0.0.0/0")),
                            orDefault(spec.natSources(), List.of()),
                            orDefault(spec.peerings(), List.<EstateDocument.PeeringSpec>of()).stream()
                                    .map(p -> new Space.Peering(
                                            p.pcxId(),
                                            orDefault(p.type(), "customer-managed"),
                                            orDefault(p.status(), "active"),
                                            p.awsAccountId(),
                                            p.awsVpcId(),
                                            orDefault(p.awsRegion(), "us-east-1"),
                                            orDefault(p.cidrBlocks(), List.of())))
                                    .toList(),
                            vpns,
                            orDefault(spec.createdAt(), DEFAULT_TIME)));
        }
        return result;
    }

    List<Pipeline> pipelines(List<PipelineSpec> specs, Map<String, App> appsByName) {
        List<Pipeline> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> coupled = new HashSet<>();
        for (PipelineSpec spec : specs) {
            if (isBlank(spec.name()) || !names.add(spec.name())) {
                problems.add("pipeline " + spec.name() + " has no name or is listed twice");
                continue;
            }
            Team team = spec.team() == null ? null : teamsByName.get(spec.team());
            if (spec.team() != null && team == null) {
                problems.add("pipeline " + spec.name() + " has unknown team " + spec.team());
            }
            List<Pipeline.Coupling> couplings = new ArrayList<>();
            for (var c : orDefault(spec.couplings(), List.<EstateDocument.CouplingSpec>of())) {
                App app = appsByName.get(c.app());
                if (app == null) {
                    problems.add("pipeline " + spec.name() + " couples unknown app " + c.app());
                } else if (!DetailsAssembler.validStage(c.stage())) {
                    problems.add("pipeline " + spec.name() + " app " + c.app() + ": unknown stage " + c.stage());
                } else if (!coupled.add(c.app())) {
                    problems.add("app " + c.app() + " is coupled to more than one pipeline");
                } else {
                    couplings.add(new Pipeline.Coupling(
                            Ids.derive("pipeline-coupling", spec.name() + "/" + c.app()), app.id(), c.stage()));
                }
            }
            result.add(new Pipeline(
                    orDefault(spec.id(), Ids.derive("pipeline", spec.name())),
                    spec.name(),
                    team == null ? null : team.id(),
                    couplings,
                    DEFAULT_TIME));
        }
        return result;
    }
}
