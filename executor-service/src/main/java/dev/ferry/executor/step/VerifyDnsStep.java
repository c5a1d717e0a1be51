package dev.ferry.executor.step;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks that a person's DNS switch took effect: the hostname resolves to the same addresses as the
 * Aptible endpoint. Not resolving yet is retryable (propagation takes time); the step's retry policy says
 * how long to keep looking.
 *
 * <p>The endpoint's hostname comes from the parameter {@code expectedHost} if the plan sets it, otherwise
 * from the outputs of the step whose id is the {@code endpoint} reference ({@code endpoint:<app>/<service>}),
 * key {@code hostname}.
 */
@ApplicationScoped
public class VerifyDnsStep implements StepHandler {
    private final Map<String, String> hosts;
    private final Function<String, Set<String>> system;

    @Inject
    public VerifyDnsStep(dev.ferry.executor.config.ExecutorConfig config) {
        this(config.dns().hosts(), VerifyDnsStep::systemLookup);
    }

    /** With the fixed hosts and the lookup behind them, so tests never reach real DNS. */
    VerifyDnsStep(Map<String, String> hosts, Function<String, Set<String>> system) {
        this.hosts = Map.copyOf(hosts);
        this.system = system;
    }

    @Override
    public String type() {
        return "verify-dns";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String hostname = context.parameter("hostname");
        String expected = expectedHost(context);
        return Uni.createFrom()
                .item(() -> {
                    Set<String> actual = resolve(hostname);
                    Set<String> target = resolve(expected);
                    if (target.isEmpty()) {
                        throw new StepException("The endpoint " + expected + " does not resolve yet", true);
                    }
                    if (actual.isEmpty()) {
                        throw new StepException(
                                hostname + " does not resolve yet; it should resolve to the endpoint " + expected + " "
                                        + sorted(target),
                                true);
                    }
                    if (actual.stream().noneMatch(target::contains)) {
                        throw new StepException(
                                hostname + " resolves to " + sorted(actual) + ", not to the endpoint " + expected + " "
                                        + sorted(target) + " yet",
                                true);
                    }
                    return new StepOutcome(
                            hostname + " points at " + expected, Map.of("hostname", hostname, "endpoint", expected));
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        List<String> problems = GateSteps.needs(context, "hostname", "endpoint");
        String endpoint = context.step().parameters().getOrDefault("endpoint", "");
        if (!endpoint.isEmpty() && !endpoint.startsWith("endpoint:")) {
            problems.add(
                    "Step " + context.step().id() + ": endpoint must be endpoint:<app>/<service>, not " + endpoint);
        }
        return Uni.createFrom().item(problems);
    }

    private static String expectedHost(StepContext context) {
        String explicit = context.step().parameters().get("expectedHost");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String ref = context.parameter("endpoint");
        Map<String, String> outputs = context.outputs().getOrDefault(ref, Map.of());
        String host = outputs.get("hostname");
        if (host == null) {
            throw new StepException("No hostname is known for " + ref + "; its step must succeed first", false);
        }
        return host;
    }

    private Set<String> resolve(String host) {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        String fixed = hosts.get(name);
        if (fixed == null) {
            fixed = hosts.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("*.")
                            && name.endsWith(e.getKey().substring(1)))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        if (fixed != null) {
            return Set.of(fixed);
        }
        return system.apply(host);
    }

    private static Set<String> sorted(Set<String> addresses) {
        return new TreeSet<>(addresses);
    }

    private static Set<String> systemLookup(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host))
                    .map(InetAddress::getHostAddress)
                    .collect(Collectors.toSet());
        } catch (UnknownHostException e) {
            return Set.of();
        }
    }
}
