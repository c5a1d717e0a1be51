package dev.ferry.simulator.heroku.service;

/**
 * Outcome of charging a request to an account's bucket.
 *
 * @param allowed false when the bucket was empty and the request must get a 429
 * @param remaining whole tokens left, reported in {@code RateLimit-Remaining}
 */
public record RateDecision(boolean allowed, int remaining) {}
