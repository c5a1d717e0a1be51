package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import java.util.List;

/**
 * A Private Space and its network. VPN pre-shared keys and tunnel secrets are never read.
 *
 * @param trustedIpRanges inbound allowlist CIDRs
 * @param natOutboundIps stable outbound IPs third parties may allowlist
 */
public record PrivateSpace(
        String id,
        String name,
        @Nullable String team,
        String region,
        boolean shield,
        List<String> trustedIpRanges,
        List<String> natOutboundIps,
        List<Peering> peerings,
        List<VpnConnection> vpnConnections) {

    /** A VPC peering. */
    public record Peering(String type, String pcxId, List<String> cidrBlocks, String status) {}

    /** A VPN connection, without its tunnel secrets. */
    public record VpnConnection(String id, String name, String publicIp, List<String> routableCidrs, String status) {}
}
