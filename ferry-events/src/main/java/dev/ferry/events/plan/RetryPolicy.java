package dev.ferry.events.plan;

/**
 * How a failed step is retried: exponential backoff from {@code initialBackoffMs}, capped at {@code
 * maxBackoffMs}, with full jitter.
 */
public record RetryPolicy(int maxAttempts, long initialBackoffMs, long maxBackoffMs) {}
