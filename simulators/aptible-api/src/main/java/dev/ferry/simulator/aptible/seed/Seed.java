package dev.ferry.simulator.aptible.seed;

/** A read and validated seed, with where it came from for logs and errors. */
public record Seed(String source, SeedDocument document) {}
