package dev.ferry.simulator.aptible.domain;

/** One database engine version that can be provisioned, from the fixed catalogue. */
public record DatabaseImage(
        long id, String type, String version, boolean isDefault, String dockerRepo, String description) {}
