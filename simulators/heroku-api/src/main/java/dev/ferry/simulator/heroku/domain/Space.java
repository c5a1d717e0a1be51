package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A Private Space (Shield or not) and its network: trusted inbound ranges, NAT, peerings and VPNs.
 *
 * @param trustedIpRanges CIDRs of the inbound rule set, all {@code allow}
 * @param natSources the stable outbound IPs
 */
public record Space(
        UUID id,
        String name,
        UUID teamId,
        String region,
        boolean shield,
        String cidr,
        List<String> trustedIpRanges,
        List<String> natSources,
        List<Peering> peerings,
        List<VpnConnection> vpnConnections,
        Instant createdAt) {

    public Space {
        trustedIpRanges = List.copyOf(trustedIpRanges);
        natSources = List.copyOf(natSources);
        peerings = List.copyOf(peerings);
        vpnConnections = List.copyOf(vpnConnections);
    }

    /** A VPC peering connection. */
    public record Peering(
            String pcxId,
            String type,
            String status,
            String awsAccountId,
            String awsVpcId,
            String awsRegion,
            List<String> cidrBlocks) {}

    /** A VPN connection; its tunnels' pre-shared keys are kept but never served. */
    public record VpnConnection(
            UUID id, String name, String publicIp, List<String> routableCidrs, String status, List<Tunnel> tunnels) {}

    /** One IPsec tunnel of a VPN connection. */
    public record Tunnel(String ip, String customerIp, String preSharedKey, String status) {}
}
