package dev.ferry.simulator.slack.domain;

/** An armed failure: the next {@code count} requests answer {@code status}. */
public record Fault(int status, int retryAfterSeconds, int count) {}
