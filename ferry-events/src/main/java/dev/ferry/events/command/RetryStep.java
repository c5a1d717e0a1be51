package dev.ferry.events.command;

import dev.ferry.events.EventType;
import java.time.Instant;

/** Retry a failed step. */
@EventType(name = "ferry.command.retry-step")
public record RetryStep(String migrationId, String stepId, String requestedBy, String via, Instant requestedAt)
        implements MigrationCommand {}
