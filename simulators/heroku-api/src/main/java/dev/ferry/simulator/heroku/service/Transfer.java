package dev.ferry.simulator.heroku.service;

import java.time.Instant;
import java.util.UUID;

/** A PG Backups capture: running until {@code finishesAt}, then succeeded. */
public record Transfer(
        UUID uuid,
        int num,
        UUID addOnId,
        String addOnName,
        UUID appId,
        long sourceBytes,
        Instant createdAt,
        Instant finishesAt) {}
