package dev.ferry.simulator.aptible.domain;

/** States an operation moves through: queued, running, then succeeded or failed. */
public enum OperationStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
