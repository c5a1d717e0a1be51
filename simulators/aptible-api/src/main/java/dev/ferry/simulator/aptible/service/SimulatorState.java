package dev.ferry.simulator.aptible.service;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /_simulator/state} reports: counts and handles of every live resource, and every
 * operation since the last reset.
 */
public record SimulatorState(
        HandleCount accounts,
        Apps apps,
        Count services,
        Count configurations,
        Databases databases,
        Count databaseCredentials,
        Endpoints vhosts,
        HandleCount logDrains,
        Count certificates,
        Count backups,
        Operations operations,
        FaultSettings faults) {

    /** Live resources known by handle. */
    public record HandleCount(int count, List<String> handles) {}

    /** Live apps, grouped as tests need them; deprovisioned apps are listed apart. */
    public record Apps(
            int count,
            List<String> handles,
            Map<String, List<String>> byAccount,
            Map<String, Integer> byStatus,
            List<String> deprovisioned) {}

    /** Live databases; {@code backed} counts those with a real local database behind them. */
    public record Databases(
            int count,
            List<String> handles,
            Map<String, List<String>> byAccount,
            Map<String, Integer> byType,
            Map<String, Integer> byStatus,
            int backed,
            List<String> deprovisioned) {}

    /** Live endpoints. */
    public record Endpoints(
            int count, Map<String, Integer> byStatus, Map<String, Integer> byType, List<String> userDomains) {}

    /** A plain count of live resources. */
    public record Count(int count) {}

    /** Every operation since the last reset, including those of deprovisioned apps. */
    public record Operations(
            int count,
            Map<String, Integer> byType,
            Map<String, Integer> byStatus,
            Map<String, Map<String, Integer>> byTypeAndStatus) {}
}
