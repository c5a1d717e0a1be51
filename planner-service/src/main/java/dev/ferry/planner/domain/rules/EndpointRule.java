package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.Domain;
import dev.ferry.events.inventory.SniEndpoint;
import java.util.List;
import java.util.Optional;

/**
 * Endpoints replace the Heroku router: a public HTTPS endpoint on the default domain for each web
 * service, one endpoint per custom domain with Managed TLS (validated over DNS ahead of the switch,
 * which wildcards require), internal endpoints for services reached only inside a Private Space,
 * and the space's trusted IP ranges as the allowlist.
 */
public final class EndpointRule {
    public static final String WEB = "web";

    private EndpointRule() {}

    /** The custom domains of an app, sorted; empty when none or not discovered. */
    public static List<Domain> customDomains(AppInventory app) {
        if (app.domains() == null) {
            return List.of();
        }
        return app.domains().stream()
                .filter(d -> !"heroku".equals(d.kind()))
                .sorted((a, b) -> a.hostname().compareTo(b.hostname()))
                .toList();
    }

    public static void apply(
            EstateContext context, AppInventory app, ServicesRule.Processes processes, PlanDraft draft) {
        int wave = context.wave(app.name());
        List<String> allowlist = StackRule.allowlist(context, app);
        if (!processes.services().containsKey(WEB)) {
            draft.fidelity(
                    app.name(),
                    "router",
                    "full",
                    "No web process: Heroku routed nothing to this app, so it gets no endpoint.");
            internal(context, app, processes, draft, allowlist);
            return;
        }
        var web = processes.formation().get(WEB);
        List<Domain> domains = customDomains(app);
        List<String> hostnames = domains.stream().map(Domain::hostname).toList();
        List<String> uploaded = new java.util.ArrayList<>();
        for (Domain domain : domains) {
            certificate(app, domain)
                    .filter(sni -> !sni.acm())
                    .ifPresent(sni -> uploaded.add(domain.hostname() + " (" + sni.name() + ")"));
        }
        boolean managedTls = !domains.isEmpty() && uploaded.isEmpty();
        // An Aptible endpoint serves one custom domain: the first domain keeps the app's endpoint id, each
        // further domain gets an endpoint of its own.
        Step endpoint = base(
                        context,
                        app,
                        Ids.endpoint(app.name(), WEB),
                        domains.isEmpty()
                                ? "Expose " + app.name() + " on its Aptible default domain"
                                : "Serve " + hostnames.get(0) + " from " + app.name(),
                        allowlist)
                .param("domains", domains.isEmpty() ? "" : hostnames.get(0))
                .param("managedTls", managedTls)
                .param("defaultDomain", domains.isEmpty());
        if (domains.isEmpty()) {
            endpoint.reason("The Heroku router served " + app.name() + " on its default domain; its Aptible"
                    + " counterpart is a public HTTPS endpoint on the default domain (on-aptible.com).");
        } else {
            endpoint.reason("The Heroku router served " + String.join(", ", hostnames) + "; a public HTTPS endpoint"
                    + " per domain serves them on Aptible"
                    + (managedTls ? " with Managed TLS certificates." : "."));
        }
        if (!uploaded.isEmpty()) {
            endpoint.review("Heroku serves " + String.join(", ", uploaded) + " with uploaded certificates: upload"
                    + " the certificate and key to Aptible (Ferry never reads private keys) or switch to Managed TLS.");
        }
        if (app.domains() == null) {
            endpoint.review("Domains were not discovered: custom domains, if any, are missing from this endpoint.");
        }
        if (web != null && web.quantity() == 0) {
            endpoint.review("web runs 0 dynos on Heroku; an endpoint needs at least one running container.");
        }
        draft.add(endpoint);
        for (String host : hostnames.subList(Math.min(1, hostnames.size()), hostnames.size())) {
            draft.add(base(
                            context,
                            app,
                            endpointFor(app.name(), hostnames, host),
                            "Serve " + host + " from " + app.name(),
                            allowlist)
                    .param("domains", host)
                    .param("managedTls", managedTls)
                    .param("defaultDomain", false)
                    .after(endpoint.id())
                    .reason("An Aptible endpoint serves one custom domain, so " + host + " gets its own HTTPS"
                            + " endpoint beside " + hostnames.get(0) + "."));
        }
        if (managedTls) {
            for (Domain domain : domains) {
                boolean wildcard = domain.hostname().startsWith("*.");
                draft.add(Step.of(
                                "acme:" + app.name() + "/" + domain.hostname(),
                                StepTypes.MANUAL_TASK,
                                "Validate " + domain.hostname() + " for Managed TLS over DNS")
                        .app(app.name())
                        .wave(wave)
                        .after(endpointFor(app.name(), hostnames, domain.hostname()))
                        .param(
                                "instructions",
                                "Create the CNAME _acme-challenge."
                                        + domain.hostname().replaceFirst("^\\*\\.", "")
                                        + " pointing at acme.<endpoint hostname> (aptible endpoints:list --app "
                                        + app.name() + "), then confirm the certificate is issued.")
                        .reason(
                                wildcard
                                        ? "Wildcard domains can only be validated over DNS for Managed TLS."
                                        : "Validating over DNS issues the certificate before the DNS switch, so HTTPS works"
                                                + " the moment traffic arrives."));
            }
        }
        domainsFidelity(app, hostnames, managedTls, draft);
        if (Boolean.TRUE.equals(app.acm())) {
            draft.fidelity(app.name(), "automated certificate management", "full", "Managed TLS renews certificates.");
        }
        if (!allowlist.isEmpty()) {
            draft.fidelity(
                    app.name(),
                    "trusted IP ranges",
                    "full",
                    "The space's trusted IP ranges become the endpoints' IP allowlist.");
        }
        internal(context, app, processes, draft, allowlist);
    }

    /**
     * How the app's domains map, promising the on-aptible.com default domain only where the plan has
     * a default-domain endpoint: apps without custom domains.
     */
    private static void domainsFidelity(AppInventory app, List<String> hostnames, boolean managedTls, PlanDraft draft) {
        String endpoint = Ids.endpoint(app.name(), WEB);
        if (app.domains() == null) {
            draft.fidelity(
                    app.name(),
                    "domains",
                    "partial",
                    "Domains were not discovered; only the on-aptible.com default domain has an endpoint (" + endpoint
                            + ").");
        } else if (hostnames.isEmpty()) {
            draft.fidelity(
                    app.name(),
                    "domains",
                    "full",
                    "No custom domains: the herokuapp.com default domain becomes the on-aptible.com default domain of "
                            + endpoint + ".");
        } else {
            draft.fidelity(
                    app.name(),
                    "domains",
                    "partial",
                    hostnames.size() + " custom domain(s), one endpoint each, "
                            + (managedTls ? "with Managed TLS" : "with certificates uploaded to Aptible")
                            + "; the herokuapp.com default domain has no counterpart (no default-domain endpoint is"
                            + " planned): move clients and webhooks still calling " + app.name()
                            + ".herokuapp.com to a custom domain.");
        }
    }

    /** The id of the endpoint step serving {@code host}: the app's endpoint for the first domain. */
    static String endpointFor(String app, List<String> sortedHostnames, String host) {
        return sortedHostnames.isEmpty() || sortedHostnames.get(0).equals(host)
                ? Ids.endpoint(app, WEB)
                : Ids.endpoint(app, WEB, host);
    }

    private static void internal(
            EstateContext context,
            AppInventory app,
            ServicesRule.Processes processes,
            PlanDraft draft,
            List<String> allowlist) {
        boolean dnsDiscovery =
                app.space() != null && app.features() != null && app.features().contains("spaces-dns-discovery");
        if (!dnsDiscovery) {
            return;
        }
        for (String service : processes.services().keySet()) {
            if (service.equals(WEB)) {
                continue;
            }
            draft.add(base(
                            context,
                            app,
                            Ids.endpoint(app.name(), service),
                            "Expose " + app.name() + "/" + service + " inside the stack",
                            allowlist,
                            service)
                    .param("internal", true)
                    .param("domains", "")
                    .param("managedTls", false)
                    .param("defaultDomain", false)
                    .reason("The app uses the Private Space's DNS service discovery, so other apps may call "
                            + service + " directly; an internal endpoint keeps that reachable inside the Dedicated"
                            + " Stack. Update the internal URLs (*.app.localspace) to the endpoint's hostname.")
                    .review("Confirm " + service + " listens on a port and is called by other apps; drop the"
                            + " endpoint otherwise."));
        }
        draft.fidelity(
                app.name(),
                "internal routing",
                "partial",
                "Private Space DNS discovery becomes internal endpoints; callers must use the new hostnames.");
    }

    private static Step base(EstateContext context, AppInventory app, String id, String title, List<String> allowlist) {
        return base(context, app, id, title, allowlist, WEB);
    }

    private static Step base(
            EstateContext context, AppInventory app, String id, String title, List<String> allowlist, String service) {
        Step step = Step.of(id, StepTypes.ENSURE_ENDPOINT, title)
                .app(app.name())
                .wave(context.wave(app.name()))
                .after(Ids.scale(app.name(), service))
                .param("app", app.name())
                .param("service", service)
                .param("kind", "https")
                .param("internal", false)
                .param("ipAllowlist", String.join(",", allowlist));
        if (!allowlist.isEmpty()) {
            step.reason("Only the Private Space's trusted IP ranges (" + String.join(", ", allowlist)
                    + ") may reach it, as on Heroku.");
        }
        return step;
    }

    private static Optional<SniEndpoint> certificate(AppInventory app, Domain domain) {
        if (app.sniEndpoints() == null) {
            return Optional.empty();
        }
        return app.sniEndpoints().stream()
                .filter(sni -> sni.name().equals(domain.sniEndpoint())
                        || sni.commonNames().contains(domain.hostname()))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .findFirst();
    }
}
