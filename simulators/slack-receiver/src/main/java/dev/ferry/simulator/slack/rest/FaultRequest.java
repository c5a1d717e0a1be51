package dev.ferry.simulator.slack.rest;

/**
 * Body of {@code POST /_receiver/faults}: {@code {"status":429,"retryAfterSeconds":1,"count":2}}.
 */
public record FaultRequest(Integer status, Integer retryAfterSeconds, Integer count) {}
