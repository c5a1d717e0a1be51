package dev.ferry.simulator.aptible.domain;

import java.time.Instant;
import java.util.Map;

/** One immutable set of environment variables of an app. */
public record Configuration(long id, long appId, Map<String, String> env, boolean deleted, Instant createdAt) {}
