package dev.ferry.simulator.aptible.service;

import java.util.Map;
import java.util.Set;

/** The failure switches in force: failing operation types and 5xx rates per path prefix. */
public record FaultSettings(
        Set<String> failOperationTypes, Map<String, Double> serverErrorRates, int serverErrorStatus) {}
