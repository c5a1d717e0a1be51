package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One process type of an app's formation: what runs, how many and on which dyno size. */
public record Formation(
        UUID id, String type, String command, int quantity, String size, Instant createdAt, Instant updatedAt) {

    public Formation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(size, "size");
    }

    /** This process type scaled to another quantity and size. */
    public Formation scaled(int newQuantity, String newSize, Instant now) {
        return new Formation(id, type, command, newQuantity, newSize, createdAt, now);
    }
}
