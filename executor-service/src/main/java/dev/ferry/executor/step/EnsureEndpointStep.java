package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.client.AptibleApiException;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ensures a provisioned endpoint (vhost) in front of an app's service: https or tcp, external or
 * internal, on a custom domain with Managed TLS or on the default domain, with an IP allowlist. An
 * endpoint is identified by its service, kind and domain; one that exists with another placement, TLS
 * or allowlist is a conflict. Rollback deprovisions it only if this migration created it.
 */
@ApplicationScoped
public class EnsureEndpointStep implements StepHandler {
    private static final java.util.regex.Pattern CIDR = java.util.regex.Pattern.compile(
            "^(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}(/(3[0-2]|[12]?\\d))?$");

    private final AptibleClient aptible;
    private final AptibleOperations operations;

    public EnsureEndpointStep(AptibleClient aptible, AptibleOperations operations) {
        this.aptible = aptible;
        this.operations = operations;
    }

    @Override
    public String type() {
        return "ensure-endpoint";
    }

    private record Wanted(
            String app,
            String service,
            String kind,
            boolean internal,
            String domain,
            boolean managedTls,
            List<String> allowlist) {

        String apiType() {
            return kind.equals("https") ? "http" : kind;
        }

        String label() {
            return kind + " endpoint of " + app + "/" + service + (domain == null ? "" : " for " + domain);
        }
    }

    private static Wanted wanted(StepContext context) {
        String kind = StepSupport.optional(context, "kind", "https");
        if (!kind.equals("https") && !kind.equals("tcp")) {
            throw StepSupport.invalid(context, "kind", kind, "https or tcp");
        }
        List<String> domains = StepSupport.list(context, "domains");
        if (domains.size() > 1) {
            throw new StepException(
                    "Step " + context.step().id() + " names " + domains.size()
                            + " domains; an Aptible endpoint serves one custom domain (or one wildcard), so plan one endpoint per domain",
                    false);
        }
        boolean managed = StepSupport.bool(context, "managedTls", false);
        if (managed && domains.isEmpty()) {
            throw new StepException("Step " + context.step().id() + ": Managed TLS needs a domain", false);
        }
        if (managed && !kind.equals("https")) {
            throw new StepException("Step " + context.step().id() + ": Managed TLS is for https endpoints", false);
        }
        List<String> allowlist = StepSupport.list(context, "ipAllowlist");
        for (String cidr : allowlist) {
            if (!CIDR.matcher(cidr).matches()) {
                throw StepSupport.invalid(context, "ipAllowlist", cidr, "IPv4 addresses or CIDRs");
            }
        }
        return new Wanted(
                StepSupport.required(context, "app"),
                StepSupport.required(context, "service"),
                kind,
                StepSupport.bool(context, "internal", false),
                domains.isEmpty() ? null : domains.get(0).toLowerCase(),
                managed,
                allowlist);
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        Wanted w = wanted(context);
        return service(context, w)
                .flatMap(service -> existing(service, w).flatMap(found -> {
                    if (found.isPresent()) {
                        List<String> differences = compare(found.get(), w);
                        return differences.isEmpty()
                                ? provisioned(context, found.get(), w, false)
                                : StepSupport.fail(StepSupport.conflict("The " + w.label(), differences));
                    }
                    return aptible.create(AptibleClient.path(service) + "/vhosts", body(w))
                            .flatMap(vhost -> StepSupport.record(
                                            context,
                                            StepSupport.CREATED,
                                            Long.toString(AptibleClient.id(vhost)),
                                            AptibleClient.path(vhost))
                                    .replaceWith(vhost))
                            .flatMap(vhost -> provisioned(context, vhost, w, true));
                }));
    }

    private Uni<StepOutcome> provisioned(StepContext context, JsonNode vhost, Wanted w, boolean created) {
        String path = AptibleClient.path(vhost);
        Uni<Long> provision = "provisioned".equals(vhost.path("status").asText())
                ? Uni.createFrom().item((Long) null)
                : operations
                        .run(context, path, Map.of("type", "provision"), "the " + w.label())
                        .map(op -> op.id());
        return provision.flatMap(opId -> aptible.get(path).map(after -> {
            if (!"provisioned".equals(after.path("status").asText())) {
                throw new StepException(
                        "The " + w.label() + " is " + after.path("status").asText(), true);
            }
            Map<String, String> outputs = new TreeMap<>();
            outputs.put("endpointId", Long.toString(AptibleClient.id(after)));
            outputs.put("hostname", after.path("external_host").asText());
            outputs.put("virtualDomain", after.path("virtual_domain").asText());
            outputs.put("created", Boolean.toString(created));
            if (w.managedTls()) {
                outputs.put("acmeStatus", after.path("acme_status").asText());
                outputs.put("dnsValidationHost", "_acme-challenge." + w.domain());
                outputs.put(
                        "dnsValidationTarget",
                        after.path("acme_dns_challenge_host").asText());
            }
            if (opId != null) {
                outputs.put("operationId", Long.toString(opId));
            }
            return new StepOutcome(
                    (opId == null ? "The " + w.label() + " is already provisioned" : "Provisioned the " + w.label())
                            + " at " + after.path("external_host").asText(),
                    outputs);
        }));
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        Wanted w = wanted(context);
        if (!StepSupport.createdHere(context)) {
            return Uni.createFrom().item(new StepOutcome("The " + w.label() + " existed before; kept", Map.of()));
        }
        return service(context, w)
                .flatMap(service -> existing(service, w))
                .onFailure(StepException.class)
                .recoverWithItem(Optional.empty())
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(new StepOutcome("The " + w.label() + " is already gone", Map.of()))
                        : operations
                                .run(
                                        context,
                                        AptibleClient.path(found.get()),
                                        Map.of("type", "deprovision"),
                                        "the " + w.label())
                                .map(op -> new StepOutcome(
                                        "Deprovisioned the " + w.label() + " (operation " + op.id() + ")", Map.of())));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        Wanted w;
        try {
            w = wanted(context);
        } catch (StepException e) {
            return StepSupport.problems(List.of(e.getMessage()));
        }
        String environment = StepSupport.optional(context, "environment", context.environment());
        return aptible.findApp(w.app(), environment)
                .flatMap(app -> app.isEmpty()
                        ? Uni.createFrom().item(List.<String>of())
                        : aptible.services(AptibleClient.id(app.get())).flatMap(services -> {
                            Optional<JsonNode> service = services.stream()
                                    .filter(s -> w.service()
                                            .equals(s.path("process_type").asText()))
                                    .findFirst();
                            if (service.isEmpty()) {
                                return Uni.createFrom().item(List.<String>of());
                            }
                            return existing(service.get(), w)
                                    .map(found -> found.map(v -> compare(v, w))
                                            .filter(d -> !d.isEmpty())
                                            .map(d -> List.of(
                                                    "The " + w.label() + " already exists with different settings: "
                                                            + String.join("; ", d)))
                                            .orElse(List.of()));
                        }))
                .onFailure(e -> e instanceof AptibleApiException a && (a.status() == 401 || a.status() == 403))
                .recoverWithItem(e -> List.of("The Aptible token cannot read " + w.app() + ": " + e.getMessage()));
    }

    private Uni<JsonNode> service(StepContext context, Wanted w) {
        String environment = StepSupport.optional(context, "environment", context.environment());
        return aptible.findApp(w.app(), environment)
                .map(found -> found.orElseThrow(
                        () -> new StepException("App " + w.app() + " does not exist in " + environment, true)))
                .flatMap(app -> aptible.services(AptibleClient.id(app)))
                .map(services -> services.stream()
                        .filter(s -> w.service().equals(s.path("process_type").asText()))
                        .findFirst()
                        .orElseThrow(() -> new StepException(
                                "App " + w.app() + " has no service " + w.service() + "; its deploy must succeed first",
                                true)));
    }

    /** The service's endpoint of this kind on this domain (or on no custom domain). */
    private Uni<Optional<JsonNode>> existing(JsonNode service, Wanted w) {
        return aptible.all(AptibleClient.path(service) + "/vhosts", "vhosts")
                .map(vhosts -> vhosts.stream()
                        .filter(v -> kindOf(v).equals(w.kind()))
                        .filter(v -> java.util.Objects.equals(
                                w.domain(), v.path("user_domain").asText(null)))
                        .findFirst());
    }

    private static String kindOf(JsonNode vhost) {
        String type = vhost.path("type").asText();
        return type.equals("http") || type.equals("http_proxy_protocol") ? "https" : type;
    }

    private static List<String> compare(JsonNode vhost, Wanted w) {
        List<String> differences = new ArrayList<>();
        if (vhost.path("internal").asBoolean() != w.internal()) {
            differences.add("it is " + (vhost.path("internal").asBoolean() ? "internal" : "external") + ", plan says "
                    + (w.internal() ? "internal" : "external"));
        }
        if (vhost.path("acme").asBoolean() != w.managedTls()) {
            differences.add("Managed TLS is " + (vhost.path("acme").asBoolean() ? "on" : "off") + ", plan says "
                    + (w.managedTls() ? "on" : "off"));
        }
        TreeSet<String> actual = new TreeSet<>();
        vhost.path("ip_whitelist").forEach(ip -> actual.add(ip.asText()));
        if (!actual.equals(new TreeSet<>(w.allowlist()))) {
            differences.add("IP allowlist is " + actual + ", plan says " + new TreeSet<>(w.allowlist()));
        }
        return differences;
    }

    private static Map<String, Object> body(Wanted w) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", w.apiType());
        body.put("platform", w.kind().equals("https") ? "alb" : "elb");
        body.put("internal", w.internal());
        body.put("default", w.kind().equals("https") && w.domain() == null && !w.internal());
        body.put("acme", w.managedTls());
        if (w.domain() != null) {
            body.put("user_domain", w.domain());
        }
        body.put("ip_whitelist", w.allowlist());
        return body;
    }
}
