package dev.ferry.simulator.heroku.rest.view;

import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.domain.Space;
import java.util.List;
import java.util.UUID;

/**
 * A Private Space and its network resources as Heroku's {@code space}, {@code inbound-ruleset},
 * {@code space-nat}, {@code peering} and {@code vpn-connection} schemas render them. VPN tunnels are
 * served without their pre-shared keys.
 */
public final class SpaceViews {

    private SpaceViews() {}

    /** One space. */
    public record SpaceView(
            String cidr,
            String createdAt,
            String dataCidr,
            Ref generation,
            UUID id,
            String name,
            OrganizationRef organization,
            Ref region,
            boolean shield,
            String state,
            Ref team,
            String updatedAt) {

        /** The legacy organization reference. */
        public record OrganizationRef(String name) {}

        public static SpaceView of(Space s, Estate estate) {
            Ref team =
                    estate.team(s.teamId()).map(t -> new Ref(t.id(), t.name())).orElse(null);
            return new SpaceView(
                    s.cidr(),
                    Times.format(s.createdAt()),
                    "10.1.0.0/16",
                    AppView.named("generation", "cedar"),
                    s.id(),
                    s.name(),
                    team == null ? null : new OrganizationRef(team.name()),
                    AppView.named("region", s.region()),
                    s.shield(),
                    "allocated",
                    team,
                    Times.format(s.createdAt()));
        }
    }

    /** The current inbound rule set (trusted IP ranges). */
    public record InboundRulesetView(String createdAt, String createdBy, UUID id, List<Rule> rules, Ref space) {

        /** One rule. */
        public record Rule(String action, String source) {}

        public static InboundRulesetView of(Space s) {
            return new InboundRulesetView(
                    Times.format(s.createdAt()),
                    "platform@heroku.com",
                    Ids.derive("inbound-ruleset", s.name()),
                    s.trustedIpRanges().stream().map(c -> new Rule("allow", c)).toList(),
                    new Ref(s.id(), s.name()));
        }
    }

    /** The space's outbound NAT. */
    public record NatView(String createdAt, List<String> sources, String state, String updatedAt) {

        public static NatView of(Space s) {
            return new NatView(
                    Times.format(s.createdAt()),
                    s.natSources(),
                    s.natSources().isEmpty() ? "disabled" : "enabled",
                    Times.format(s.createdAt()));
        }
    }

    /** One VPC peering. */
    public record PeeringView(
            String awsAccountId,
            String awsRegion,
            String awsVpcId,
            List<String> cidrBlocks,
            String expires,
            String pcxId,
            String status,
            String type) {

        public static PeeringView of(Space.Peering p) {
            return new PeeringView(
                    p.awsAccountId(),
                    p.awsRegion(),
                    p.awsVpcId(),
                    p.cidrBlocks(),
                    null,
                    p.pcxId(),
                    p.status(),
                    p.type());
        }
    }

    /** One VPN connection, tunnels without secrets. */
    public record VpnConnectionView(
            UUID id,
            int ikeVersion,
            String name,
            String publicIp,
            List<String> routableCidrs,
            String spaceCidrBlock,
            String status,
            String statusMessage,
            List<TunnelView> tunnels) {

        /** One tunnel: endpoints and state only. */
        public record TunnelView(String ip, String customerIp, String status, String statusMessage) {}

        public static VpnConnectionView of(Space.VpnConnection v, Space s) {
            return new VpnConnectionView(
                    v.id(),
                    1,
                    v.name(),
                    v.publicIp(),
                    v.routableCidrs(),
                    s.cidr(),
                    v.status(),
                    "",
                    v.tunnels().stream()
                            .map(t -> new TunnelView(t.ip(), t.customerIp(), t.status(), ""))
                            .toList());
        }
    }
}
