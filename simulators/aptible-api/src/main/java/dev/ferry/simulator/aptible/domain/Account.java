package dev.ferry.simulator.aptible.domain;

import java.time.Instant;

/** An Aptible account, shown as an "environment" in the dashboard and CLI. */
public record Account(
        long id,
        String handle,
        String type,
        String name,
        String organizationId,
        long stackId,
        String onboardingStatus,
        Instant createdAt,
        Instant updatedAt) {}
