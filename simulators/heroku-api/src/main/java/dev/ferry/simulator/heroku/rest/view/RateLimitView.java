package dev.ferry.simulator.heroku.rest.view;

/** Body of {@code GET /account/rate-limits}. */
public record RateLimitView(int remaining) {}
