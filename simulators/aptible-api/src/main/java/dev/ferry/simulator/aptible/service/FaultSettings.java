package dev.ferry.simulator.aptible.service;

import java.util.Map;
import java.util.Set;

/**
 * The failure switches in force: operation types that end failed, how long operations of a type stay
 * running (milliseconds), and 5xx rates per path prefix.
 */
public record FaultSettings(
        Set<String> failOperationTypes,
        Map<String, Long> operationLatencyMs,
        Map<String, Double> serverErrorRates,
        int serverErrorStatus) {}
