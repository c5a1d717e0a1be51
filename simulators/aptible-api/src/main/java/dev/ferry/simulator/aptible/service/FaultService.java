package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.domain.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/** Holds the failure-injection switches that tests and demos flip at run time. */
@ApplicationScoped
public class FaultService {

    private final SimulatorConfig config;
    private volatile FaultSettings settings;

    public FaultService(SimulatorConfig config) {
        this.config = config;
        reset();
    }

    /** Back to the start-up switches from configuration. */
    public final void reset() {
        settings = new FaultSettings(
                Set.copyOf(config.faults().failOperationTypes().orElse(Set.of())),
                Map.of(),
                Map.of(),
                config.faults().serverErrorStatus());
    }

    public FaultSettings current() {
        return settings;
    }

    /** Replaces the switches that are given; {@code null} leaves a switch as it is. */
    public synchronized FaultSettings update(
            Set<String> failOperationTypes,
            Map<String, Long> operationLatencyMs,
            Map<String, Double> serverErrorRates,
            Integer status) {
        FaultSettings now = settings;
        if (serverErrorRates != null) {
            serverErrorRates.forEach(FaultService::checkRate);
        }
        if (operationLatencyMs != null
                && operationLatencyMs.values().stream().anyMatch(ms -> ms == null || ms < 0 || ms > 600_000)) {
            throw ApiException.unprocessable("operation_latency_ms values must be between 0 and 600000");
        }
        if (status != null && (status < 500 || status > 599)) {
            throw ApiException.unprocessable("server_error_status must be between 500 and 599");
        }
        settings = new FaultSettings(
                failOperationTypes == null ? now.failOperationTypes() : Set.copyOf(new TreeSet<>(failOperationTypes)),
                operationLatencyMs == null ? now.operationLatencyMs() : Map.copyOf(new TreeMap<>(operationLatencyMs)),
                serverErrorRates == null ? now.serverErrorRates() : Map.copyOf(new TreeMap<>(serverErrorRates)),
                status == null ? now.serverErrorStatus() : status);
        return settings;
    }

    public boolean shouldFail(String operationType) {
        return settings.failOperationTypes().contains(operationType);
    }

    /** How long an operation of this type stays running: its switched latency or the configured one. */
    public long runningMs(String operationType) {
        Long ms = settings.operationLatencyMs().get(operationType);
        return ms == null ? config.operations().runningMs() : ms;
    }

    /** Draws whether a request to this path gets an injected server error, and its status. */
    public Optional<Integer> serverErrorFor(String path) {
        FaultSettings now = settings;
        String best = null;
        for (String prefix : now.serverErrorRates().keySet()) {
            if (covers(prefix, path) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double rate = now.serverErrorRates().get(best);
        return ThreadLocalRandom.current().nextDouble() < rate
                ? Optional.of(now.serverErrorStatus())
                : Optional.empty();
    }

    private static boolean covers(String prefix, String path) {
        String p = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(p) || p.equals("/") || path.startsWith(p + "/");
    }

    private static void checkRate(String path, Double rate) {
        if (!path.startsWith("/")) {
            throw ApiException.unprocessable("server_error_rates keys must be paths starting with /");
        }
        if (rate == null || rate < 0 || rate > 1) {
            throw ApiException.unprocessable("server_error_rates values must be between 0 and 1");
        }
    }
}
