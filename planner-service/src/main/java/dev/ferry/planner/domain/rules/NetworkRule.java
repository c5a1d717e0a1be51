package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.AppWebhook;
import dev.ferry.events.inventory.Domain;
import dev.ferry.events.inventory.PrivateSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The guide's networking checklist as one manual task: NAT outbound IPs that third parties allowlist
 * become the stack's outbound IPs, peerings and VPNs are re-created for the Dedicated Stack, webhook
 * destinations and internal service URLs are updated.
 */
public final class NetworkRule {
    private NetworkRule() {}

    public static void apply(EstateContext context, PlanDraft draft) {
        if (context.apps().isEmpty()) {
            return;
        }
        List<String> checklist = new ArrayList<>();
        for (PrivateSpace space : context.spaces()) {
            if (!space.natOutboundIps().isEmpty()) {
                checklist.add("Third parties that allowlist " + space.name() + "'s NAT IPs "
                        + String.join(", ", new TreeSet<>(space.natOutboundIps()))
                        + ": give them the Dedicated Stack's outbound IPs instead");
            }
            for (PrivateSpace.Peering peering : space.peerings()) {
                checklist.add("Re-create VPC peering " + peering.pcxId() + " (" + peering.type() + ", "
                        + String.join(", ", peering.cidrBlocks()) + ") with the Dedicated Stack's VPC");
            }
            for (PrivateSpace.VpnConnection vpn : space.vpnConnections()) {
                checklist.add("Re-create VPN " + vpn.name() + " to " + vpn.publicIp() + " routing "
                        + String.join(", ", vpn.routableCidrs()) + " as an Aptible VPN tunnel");
            }
        }
        TreeSet<String> defaultDomains = new TreeSet<>();
        TreeSet<String> webhookHosts = new TreeSet<>();
        boolean domainsUnknown = false;
        for (AppInventory app : context.apps()) {
            if (app.domains() == null) {
                domainsUnknown = true;
            } else {
                app.domains().stream()
                        .filter(d -> "heroku".equals(d.kind()))
                        .map(Domain::hostname)
                        .forEach(defaultDomains::add);
            }
            if (app.webhooks() != null) {
                app.webhooks().stream().map(AppWebhook::host).forEach(webhookHosts::add);
            }
        }
        checklist.add("Review outbound IP requirements: Aptible's outbound IPs differ from Heroku's");
        checklist.add("Confirm third-party allowlists (databases, payment and partner APIs) admit Aptible");
        checklist.add(
                defaultDomains.isEmpty()
                        ? "Update webhook destinations that point at *.herokuapp.com"
                        : "Update webhook destinations that point at " + String.join(", ", defaultDomains));
        if (!webhookHosts.isEmpty()) {
            checklist.add("Heroku app webhooks to " + String.join(", ", webhookHosts)
                    + " stop with Heroku; Aptible has no equivalent, use its activity feed or Slack alerts");
        }
        checklist.add("Verify internal service-to-service URLs point at Aptible endpoints");
        Step step = Step.of(Ids.network(), StepTypes.MANUAL_TASK, "Work through the networking checklist")
                .reason("Networking is often the largest shift when moving to dedicated infrastructure; the guide's"
                        + " checklist, filled in from the estate.")
                .param("instructions", "Work through the networking checklist and confirm each item.")
                .param("checklist", String.join("\n", checklist));
        if (domainsUnknown) {
            step.review("Some apps' domains were not discovered, so webhook destinations on their default domains"
                    + " are not listed.");
        }
        if (!context.spacesDiscovered() && context.apps().stream().anyMatch(a -> a.space() != null)) {
            step.review("Private Spaces were not discovered: NAT IPs, peerings and VPNs may be missing here.");
        }
        draft.add(step);
    }
}
